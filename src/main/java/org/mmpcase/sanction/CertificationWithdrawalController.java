package org.mmpcase.sanction;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The certifying provider withdraws a certification: a revocation is proposed for a supervisor to decide. */
@RestController
class CertificationWithdrawalController {

	private final SanctionService sanctions;

	CertificationWithdrawalController(SanctionService sanctions) {
		this.sanctions = sanctions;
	}

	record Withdrawal(String note) {
	}

	@PostMapping("/api/provider/certifications/{registrationNumber}/withdrawal")
	ResponseEntity<SanctionService.Open> withdraw(Principal principal, @PathVariable String registrationNumber,
			@RequestBody Withdrawal body) {
		SanctionService.Open open = sanctions.withdrawCertification(principal.getName(), registrationNumber,
				body == null ? null : body.note());
		return ResponseEntity.created(URI.create("/api/provider/certifications/" + registrationNumber + "/withdrawal"))
			.body(open);
	}

}
