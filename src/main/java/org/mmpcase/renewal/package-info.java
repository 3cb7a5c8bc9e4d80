/** Renewal of a registration: re-certification, the facts for the auto-approval decision. */
package org.mmpcase.renewal;
