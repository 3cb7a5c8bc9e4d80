package org.mmpcase.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mmpcase.account.Account;
import org.mmpcase.account.InvitationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Invites an applicant to their case: an account with a one-time code, and an e-mail with the code that
 * {@link InvitationMailListener} sends only once the case is committed, so nobody is invited to a case that was
 * rolled back. Someone who already has an account gets no new code.
 */
@Component
public class Invitations {

	private final InvitationService accounts;

	private final ApplicationEventPublisher events;

	private final String publicUrl;

	Invitations(InvitationService accounts, ApplicationEventPublisher events,
			@Value("${mmp.public-url}") String publicUrl) {
		this.accounts = accounts;
		this.events = events;
		this.publicUrl = publicUrl;
	}

	/** @return whether an invitation was issued (not when the person already has an active account) */
	public boolean invite(Person invitee, Account.Role role, Application application) {
		String template = role == Account.Role.CAREGIVER ? "caregiver-invitation" : "invitation";
		return accounts.invite(invitee, role)
			.map(code -> {
				events.publishEvent(new Invitation(template, invitee.getEmail(),
					application.getApplicationNumber(),
					Map.of("applicantName", invitee.getFullName(), "applicationNumber",
							application.getApplicationNumber(), "invitationCode", code, "portalUrl", publicUrl,
							"email", invitee.getEmail(), "patientName", application.getPatient().getFullName(),
							"activationUrl", activationUrl(invitee.getEmail(), code))));
				return true;
			})
			.orElse(false);
	}

	/** The portal's activation page, with the e-mail address and the code filled in (see the portal contract). */
	String activationUrl(String email, String code) {
		return publicUrl + "/portal/activate?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&code="
				+ URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

	/** An invitation e-mail to send after commit; its model holds the code, so it is never logged. */
	public record Invitation(String template, String to, String applicationNumber, Map<String, String> model) {

		@Override
		public String toString() {
			return "Invitation[" + template + ", " + applicationNumber + "]";
		}

	}

}
