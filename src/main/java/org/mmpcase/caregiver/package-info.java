/** A patient names a caregiver, who is invited to a caregiver registration of their own. */
package org.mmpcase.caregiver;
