package org.mmpcase.renewal;

import org.mmpcase.registration.Application;

/**
 * A re-certification's outcome: the patient's renewal, and what it did for the linked caregiver (null when the
 * patient has no caregiver and the certification calls for none).
 */
public record Recertification(Application renewal, CaregiverRenewal caregiver) {
}
