package org.mmpcase.caregiver;

import java.time.LocalDate;

import org.mmpcase.registration.Application;
import org.mmpcase.support.CaseDriver;

/** Names a caregiver for tests outside this package (the request is the API's, package-private). */
public final class CaregiverFixtures {

	private CaregiverFixtures() {
	}

	public static Application nameCaregiver(CaregiverService caregivers, Application patient, String email) {
		return nameCaregiver(caregivers, patient, email, Relationship.OTHER);
	}

	public static Application nameCaregiver(CaregiverService caregivers, Application patient, String email,
			Relationship relationship) {
		return caregivers.nameCaregiver(patient, new CaregiverRequest("Casey", "Carer", LocalDate.of(1970, 3, 4), email,
				"5 Oak Avenue", "New Haven", "06510", relationship));
	}

}
