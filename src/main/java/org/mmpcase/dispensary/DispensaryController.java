package org.mmpcase.dispensary;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.mmpcase.certificate.Registration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DispensaryController {

	private final DispensaryRepository dispensaries;

	private final DispensaryService service;

	DispensaryController(DispensaryRepository dispensaries, DispensaryService service) {
		this.dispensaries = dispensaries;
		this.service = service;
	}

	@GetMapping("/api/dispensaries")
	List<Map<String, String>> list() {
		return dispensaries.findByActiveTrueOrderByName()
			.stream()
			.map(d -> Map.of("code", d.getCode(), "name", d.getName(), "town", d.getTown()))
			.toList();
	}

	/** The holder changes the dispensary on their registration (limited per period). */
	@PutMapping("/api/registrations/{registrationNumber}/dispensary")
	Map<String, String> change(@PathVariable String registrationNumber, @Valid @RequestBody Choice choice,
			Principal principal) {
		Registration registration = service.change(registrationNumber, principal.getName(), choice.dispensaryCode());
		return Map.of("registrationNumber", registration.getRegistrationNumber(), "dispensaryCode",
				registration.getDispensaryCode());
	}

	record Choice(@NotBlank String dispensaryCode) {
	}

}
