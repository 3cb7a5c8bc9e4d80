package org.mmpcase.caregiver;

import java.time.LocalDate;

import org.mmpcase.registration.Application;
import org.mmpcase.support.CaseDriver;

/**
 * For the sanction scenarios (org.mmpcase.sanction): a patient names a caregiver, as the API does
 * ({@link CaregiverRequest} is package-private).
 */
public final class CaregiverSanctionAccess {

	private CaregiverSanctionAccess() {
	}

	public static Application nameCaregiver(CaregiverService caregivers, Application patient) {
		return caregivers.nameCaregiver(patient, new CaregiverRequest("Casey", "Carer", LocalDate.of(1970, 3, 4),
				CaseDriver.uniqueEmail("caregiver"), "5 Oak Avenue", "New Haven", "06510", Relationship.OTHER));
	}

}
