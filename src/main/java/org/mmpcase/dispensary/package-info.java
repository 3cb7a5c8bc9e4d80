/** The dispensaries a registration may name (reference data) and the step that chooses one. */
package org.mmpcase.dispensary;
