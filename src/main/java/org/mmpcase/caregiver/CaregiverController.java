package org.mmpcase.caregiver;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaregiverController {

	private final ApplicationAccess access;

	private final CaregiverService caregivers;

	CaregiverController(ApplicationAccess access, CaregiverService caregivers) {
		this.access = access;
		this.caregivers = caregivers;
	}

	/** The patient names their caregiver, who is invited to register as caregiver. */
	@PostMapping("/api/applications/{applicationNumber}/caregiver")
	ResponseEntity<Map<String, String>> name(@PathVariable String applicationNumber,
			@Valid @RequestBody CaregiverRequest request, Principal principal) {
		Application application = caregivers
			.nameCaregiver(access.requireOwned(applicationNumber, principal.getName()), request);
		return ResponseEntity.created(URI.create("/api/applications/" + application.getApplicationNumber()))
			.body(Map.of("applicationNumber", application.getApplicationNumber(), "role", "caregiver"));
	}

}
