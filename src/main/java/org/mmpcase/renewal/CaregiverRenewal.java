package org.mmpcase.renewal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mmpcase.registration.Application;

/**
 * What a patient's re-certification did for their linked caregiver: a renewal started ({@code started}), or none,
 * with the reason ({@code refused}); when the new certification does not call for a caregiver, also the last day
 * of the caregiver's registration ({@code endsOn}).
 */
public record CaregiverRenewal(Application started, String refused, LocalDate endsOn) {

	static CaregiverRenewal startedWith(Application renewal) {
		return new CaregiverRenewal(renewal, null, null);
	}

	static CaregiverRenewal refusedBecause(String reason) {
		return new CaregiverRenewal(null, reason, null);
	}

	static CaregiverRenewal endingOn(String reason, LocalDate lastDay) {
		return new CaregiverRenewal(null, reason, lastDay);
	}

	/** The {@code caregiverRenewal} member of the answer to the provider. */
	Map<String, String> body() {
		Map<String, String> body = new LinkedHashMap<>();
		if (started != null) {
			body.put("applicationNumber", started.getApplicationNumber());
			body.put("status", started.getStatus().name());
		}
		else {
			body.put("refused", refused);
		}
		if (endsOn != null) {
			body.put("endsOn", endsOn.toString());
		}
		return body;
	}

}
