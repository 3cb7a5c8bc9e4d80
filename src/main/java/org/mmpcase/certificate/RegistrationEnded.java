package org.mmpcase.certificate;

/**
 * A registration stopped for good before its expiry: revoked by DCP, or ended (surrendered, a caregiver removed, the
 * patient's registration ended). Published in the transaction that ended it, once per registration (a patient's
 * caregivers' too), so what depends on it (a change of it in review) ends with it.
 */
public record RegistrationEnded(String registrationNumber, Registration.Status status) {
}
