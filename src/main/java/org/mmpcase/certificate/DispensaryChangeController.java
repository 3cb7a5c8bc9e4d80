package org.mmpcase.certificate;

import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DispensaryChangeController {

	private final DispensaryChanges changes;

	DispensaryChangeController(DispensaryChanges changes) {
		this.changes = changes;
	}

	/** The holder changes the dispensary on their registration (limited per period). */
	@PutMapping("/api/registrations/{registrationNumber}/dispensary")
	Map<String, String> change(@PathVariable String registrationNumber, @Valid @RequestBody Choice choice,
			Principal principal) {
		Registration registration = changes.change(registrationNumber, principal.getName(), choice.dispensaryCode());
		return Map.of("registrationNumber", registration.getRegistrationNumber(), "dispensaryCode",
				registration.getDispensaryCode());
	}

	record Choice(@NotBlank String dispensaryCode) {
	}

}
