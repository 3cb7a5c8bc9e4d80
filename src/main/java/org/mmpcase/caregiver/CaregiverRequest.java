package org.mmpcase.caregiver;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The caregiver a patient names. */
public record CaregiverRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
		@NotNull LocalDate dateOfBirth, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code like 06106") String zip,
		@NotNull Relationship relationship) {
}
