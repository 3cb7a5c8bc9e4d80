package org.mmpcase.registration;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for an invitation e-mail; {@link InvitationMailListener} sends it only once the case it invites to is
 * committed, so nobody is invited to a case that was rolled back.
 */
@Component
class InvitationMailer {

	static final String PATIENT_INVITATION = "invitation";

	static final String CAREGIVER_INVITATION = "caregiver-invitation";

	private final ApplicationEventPublisher events;

	private final String publicUrl;

	InvitationMailer(ApplicationEventPublisher events, @Value("${mmp.public-url}") String publicUrl) {
		this.events = events;
		this.publicUrl = publicUrl;
	}

	void sendAfterCommit(String template, Person invitee, Application application, String invitationCode) {
		events.publishEvent(new Invitation(template, invitee.getEmail(), application.getApplicationNumber(),
				Map.of("applicantName", invitee.getFullName(), "applicationNumber",
						application.getApplicationNumber(), "invitationCode", invitationCode, "portalUrl", publicUrl,
						"email", invitee.getEmail())));
	}

	record Invitation(String template, String to, String applicationNumber, Map<String, String> model) {

		@Override
		public String toString() {
			return "Invitation[" + template + ", " + applicationNumber + "]";
		}

	}

}
