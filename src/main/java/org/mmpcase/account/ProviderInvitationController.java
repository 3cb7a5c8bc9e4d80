package org.mmpcase.account;

import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certifying provider sends the applicant a new invitation (a new code; the old one stops working). */
@RestController
class ProviderInvitationController {

	private final Invitations invitations;

	ProviderInvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@PostMapping("/api/provider/certifications/{applicationNumber}/invitation")
	ResponseEntity<Void> reinvite(@PathVariable String applicationNumber, Principal principal) {
		invitations.reinvite(principal.getName(), applicationNumber);
		return ResponseEntity.accepted().build();
	}

}
