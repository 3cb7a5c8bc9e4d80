package org.mmpcase.renewal;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
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

	/** A provider re-certifies a registered patient: their renewal starts, and their caregiver's when it may. */
	@PostMapping("/api/provider/recertifications")
	ResponseEntity<Map<String, Object>> recertify(@Valid @RequestBody RecertificationRequest request,
			Principal principal) {
		Recertification recertification = renewals.recertification(principal.getName(), request);
		Application renewal = recertification.renewal();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("applicationNumber", renewal.getApplicationNumber());
		body.put("status", renewal.getStatus().name());
		if (recertification.caregiver() != null) {
			// which caregiver renewal started, or why none did
			body.put("caregiverRenewal", recertification.caregiver().body());
		}
		return ResponseEntity.created(URI.create("/api/applications/" + renewal.getApplicationNumber())).body(body);
	}

}
