package org.mmpcase.renewal;

import java.time.LocalDate;

import org.mmpcase.registration.Application;

/**
 * For the sanction scenarios (org.mmpcase.sanction): a provider re-certifies a registration, as the API does
 * ({@link RecertificationRequest} is package-private).
 */
public final class RenewalSanctionAccess {

	private RenewalSanctionAccess() {
	}

	public static Application recertify(RenewalService renewals, String provider, String registrationNumber,
			LocalDate certificationDate, boolean caregiverNeeded) {
		return renewals.recertify(provider, new RecertificationRequest(registrationNumber, certificationDate, 12,
				"Chronic pain", caregiverNeeded));
	}

}
