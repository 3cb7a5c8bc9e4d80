package org.mmpcase.holder;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.mmpcase.caregiver.CaregiverRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in patient's or caregiver's registrations, and what they do with them. */
@RestController
@RequestMapping("/api/registrations")
class HolderController {

	private final HolderRegistrations holder;

	HolderController(HolderRegistrations holder) {
		this.holder = holder;
	}

	@GetMapping
	List<RegistrationView> mine(Principal principal) {
		return holder.of(principal.getName());
	}

	@GetMapping("/{registrationNumber}")
	RegistrationView one(@PathVariable String registrationNumber, Principal principal) {
		return holder.one(registrationNumber, principal.getName());
	}

	/** The holder changes the dispensary on their registration (limited per period). */
	@PutMapping("/{registrationNumber}/dispensary")
	RegistrationView changeDispensary(@PathVariable String registrationNumber, @Valid @RequestBody Choice choice,
			Principal principal) {
		return holder.changeDispensary(registrationNumber, principal.getName(), choice.dispensaryCode());
	}

	@PutMapping("/{registrationNumber}/caregiver")
	RegistrationView nameCaregiver(@PathVariable String registrationNumber,
			@Valid @RequestBody CaregiverRequest request, Principal principal) {
		return holder.nameCaregiver(registrationNumber, principal.getName(), request);
	}

	@DeleteMapping("/{registrationNumber}/caregiver")
	RegistrationView removeCaregiver(@PathVariable String registrationNumber, Principal principal) {
		return holder.removeCaregiver(registrationNumber, principal.getName());
	}

	@PostMapping("/{registrationNumber}/surrender")
	RegistrationView surrender(@PathVariable String registrationNumber, @RequestBody(required = false) Surrender body,
			Principal principal) {
		return holder.surrender(registrationNumber, principal.getName(), body == null ? null : body.confirm());
	}

	record Choice(@NotBlank String dispensaryCode) {
	}

	record Surrender(Boolean confirm) {
	}

}
