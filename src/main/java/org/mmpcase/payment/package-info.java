/** Fees: the card step, charging through a gateway exactly once, the payment record. */
package org.mmpcase.payment;
