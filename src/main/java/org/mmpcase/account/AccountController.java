package org.mmpcase.account;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.mmpcase.notification.MailService;
import org.mmpcase.registration.Person;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public account endpoints of the portal contract: activation with the invitation code, a new activation link,
 * and password reset. "Send me a link" always answers 202, known address or not, and is limited per address and
 * per client (beyond the limit nothing is sent, the answer is the same).
 */
@RestController
class AccountController {

	private final InvitationService invitations;

	private final ActivationLinks activationLinks;

	private final PasswordResets resets;

	private final MailService mail;

	private final AccountMailQueue queue;

	private final RateLimits limits;

	private final RateLimits.Rule perAddress;

	private final RateLimits.Rule perClient;

	private final PortalSessions sessions;

	private final AccountUserDetailsService users;

	AccountController(InvitationService invitations, ActivationLinks activationLinks, PasswordResets resets,
			MailService mail, AccountMailQueue queue, RateLimits limits, AccountProperties properties,
			PortalSessions sessions, AccountUserDetailsService users) {
		this.sessions = sessions;
		this.users = users;
		this.invitations = invitations;
		this.activationLinks = activationLinks;
		this.resets = resets;
		this.mail = mail;
		this.queue = queue;
		this.limits = limits;
		Duration hour = Duration.ofHours(1);
		this.perAddress = new RateLimits.Rule(properties.mailsPerHour(), hour, hour, hour);
		this.perClient = new RateLimits.Rule(properties.mailsPerHour() * 10, hour, hour, hour);
	}

	/** The applicant sets a password with the code from the invitation e-mail. */
	/**
	 * The applicant sets a password with the code from the invitation e-mail. A page of the portal that asks for it
	 * ({@code "signIn": true}, no {@code Authorization} header) is signed in at once, as by {@code POST /api/session}
	 * (one screen less); anybody else gets 204 and signs in as before.
	 */
	@PostMapping("/api/accounts/activate")
	ResponseEntity<Map<String, Object>> activate(@Valid @RequestBody Activation activation, HttpServletRequest request,
			HttpServletResponse response) {
		invitations.activate(activation.email(), activation.invitationCode(), activation.password());
		if (!Boolean.TRUE.equals(activation.signIn()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return ResponseEntity.noContent().build();
		}
		UserDetails user = users.loadUserByUsername(Person.normaliseEmail(activation.email()));
		sessions.start(request, response,
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return ResponseEntity.ok(sessions.describe(request, user.getUsername()));
	}

	/** A new invitation (new code, the old one stops working) for an invited account not activated yet. */
	@PostMapping("/api/accounts/activation-link")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void activationLink(@Valid @RequestBody EmailOnly body, HttpServletRequest request) {
		String email = Person.normaliseEmail(body.email());
		if (mayMail("activation", email, request)) {
			queue.submit("Activation link", () -> activationLinks.resend(email));
		}
	}

	@PostMapping("/api/accounts/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void passwordReset(@Valid @RequestBody EmailOnly body, HttpServletRequest request) {
		String email = Person.normaliseEmail(body.email());
		if (mayMail("reset", email, request)) {
			queue.submit("Password reset link", () -> resets.request(email)
				.ifPresent(reset -> mail.sendTemplate("password-reset", reset.to(), reset.model())));
		}
	}

	@PostMapping("/api/accounts/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirmReset(@Valid @RequestBody ResetConfirmation confirmation) {
		resets.confirm(confirmation.email(), confirmation.token(), confirmation.password());
	}

	private boolean mayMail(String kind, String email, HttpServletRequest request) {
		return limits.tryAcquire("mail:" + kind + ":client:" + request.getRemoteAddr(), perClient)
				&& limits.tryAcquire("mail:" + kind + ":" + email, perAddress);
	}

	record Activation(@NotBlank @Email String email, @NotBlank String invitationCode, @NotBlank String password,
			Boolean signIn) {
	}

	record EmailOnly(@NotBlank @Email(message = "Enter your e-mail address, like name@example.com.") String email) {
	}

	record ResetConfirmation(@NotBlank @Email String email, @NotBlank String token, @NotBlank String password) {
	}

}
