package org.mmpcase.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

	private final InvitationService invitations;

	AccountController(InvitationService invitations) {
		this.invitations = invitations;
	}

	/** The applicant sets a password with the code from the invitation e-mail. */
	@PostMapping("/api/accounts/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activate(@Valid @RequestBody Activation activation) {
		invitations.activate(activation.email(), activation.invitationCode(), activation.password());
	}

	record Activation(@NotBlank @Email String email, @NotBlank String invitationCode, @NotBlank String password) {
	}

}
