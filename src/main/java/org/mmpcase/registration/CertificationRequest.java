package org.mmpcase.registration;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a provider enters to certify a patient. The term is kept on the certification: 12 months historically, and
 * a 2025 law reportedly allows 6, 12, 18 or 24.
 */
public record CertificationRequest(@NotBlank @Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName, @NotNull LocalDate dateOfBirth,
		@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String street,
		@NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code like 06106") String zip,
		@NotBlank @Size(max = 200) String qualifyingCondition, @NotNull LocalDate certificationDate,
		Integer termMonths, boolean caregiverNeeded) {

	public CertificationRequest {
		if (termMonths == null) {
			termMonths = 12;
		}
	}

}
