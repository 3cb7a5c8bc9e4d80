/** Changes the holder of a registration reports: a new address or a new name with its proof, reviewed by DCP. */
package org.mmpcase.change;
