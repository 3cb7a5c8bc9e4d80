package org.mmpcase.renewal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A provider re-certifies a registered patient: the new certification their renewal runs on. */
record RecertificationRequest(@NotBlank String registrationNumber, @NotNull LocalDate certificationDate,
		Integer termMonths, @NotBlank @Size(max = 200) String qualifyingCondition, boolean caregiverNeeded) {

	RecertificationRequest {
		if (termMonths == null) {
			termMonths = 12;
		}
	}

}
