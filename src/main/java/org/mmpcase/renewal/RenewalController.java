package org.mmpcase.renewal;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;

import org.mmpcase.registration.Application;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RenewalController {

	private final RenewalService renewals;

	RenewalController(RenewalService renewals) {
		this.renewals = renewals;
	}

	/** A provider re-certifies a registered patient: their renewal starts. */
	@PostMapping("/api/provider/recertifications")
	ResponseEntity<Map<String, String>> recertify(@Valid @RequestBody RecertificationRequest request,
			Principal principal) {
		Application renewal = renewals.recertify(principal.getName(), request);
		return ResponseEntity.created(URI.create("/api/applications/" + renewal.getApplicationNumber()))
			.body(Map.of("applicationNumber", renewal.getApplicationNumber(), "status", renewal.getStatus().name()));
	}

}
