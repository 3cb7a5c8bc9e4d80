package org.mmpcase.registration;

/**
 * A provider certified a patient and the initial registration started. Published in the certification's
 * transaction; the account module invites the patient in that same transaction (account/Invitations), so nobody is
 * invited to a case that was rolled back and no case starts without its invitation owed.
 */
public record PatientCertified(String applicationNumber) {
}
