package org.mmpcase.payment;

/**
 * A payment was charged. Published in the transaction that records it; the receipt e-mail follows from it
 * (notification/PaymentReceiptMails), kept by the event publication registry until it went out.
 */
public record PaymentSucceeded(Long paymentId, String applicationNumber) {
}
