package org.mmpcase.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.PatientCertified;
import org.mmpcase.registration.Person;
import org.mmpcase.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites an applicant to their case: an account with a one-time code, and an invitation e-mail owed to them
 * ({@link PendingInvitation}, written in the case's transaction) that {@link InvitationMailer} sends only once the
 * case is committed, so nobody is invited to a case that was rolled back, and sends again later if the mail server
 * refused it. Someone who already has an account gets no new code.
 */
@Component
public class Invitations {

	private final InvitationService accounts;

	private final PendingInvitationRepository pending;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration firstRetry;

	private final String publicUrl;

	private final ApplicationAccess applications;

	Invitations(InvitationService accounts, PendingInvitationRepository pending, ApplicationAccess applications,
			ApplicationEventPublisher events,
			Clock clock, @Value("${mmp.mail.invitation-retry:PT5M}") Duration firstRetry,
			@Value("${mmp.public-url}") String publicUrl) {
		this.accounts = accounts;
		this.pending = pending;
		this.applications = applications;
		this.events = events;
		this.clock = clock;
		this.firstRetry = firstRetry;
		this.publicUrl = publicUrl;
	}

	/** A provider certified a patient: the patient is invited in the same transaction. */
	@EventListener
	void invitePatient(PatientCertified certified) {
		Application application = applications.require(certified.applicationNumber());
		invite(application.getApplicant(), Account.Role.PATIENT, application);
	}

	/**
	 * The certifying provider sends the invitation again (lost e-mail, expired code): a new code replaces the old one.
	 * @throws ConflictException when the applicant has already activated the account
	 */
	@Transactional
	public void reinvite(String providerUsername, String applicationNumber) {
		Application application = applications.requireCertifiedBy(applicationNumber, providerUsername);
		Account.Role role = application.getApplicantRole() == ApplicantRole.CAREGIVER ? Account.Role.CAREGIVER
				: Account.Role.PATIENT;
		if (!invite(application.getApplicant(), role, application)) {
			throw new ConflictException("The applicant has already activated the account; no invitation is needed.");
		}
	}

	/** @return whether an invitation was issued (not when the person already has an active account) */
	public boolean invite(Person invitee, Account.Role role, Application application) {
		return accounts.invite(invitee, role).map(code -> {
			Instant now = clock.instant();
			// the new code replaces the old one: an older invitation still owed would carry a dead code
			pending.findByPersonAndRoleAndClosedAtIsNull(invitee, role)
				.forEach(older -> older.close(PendingInvitation.Outcome.SUPERSEDED, now));
			PendingInvitation owed = pending.save(new PendingInvitation(invitee, application, role, now, firstRetry));
			events.publishEvent(invitation(owed.getId(), invitee, role, application, code));
			return true;
		}).orElse(false);
	}

	Invitation invitation(Long pendingId, Person invitee, Account.Role role, Application application, String code) {
		String template = role == Account.Role.CAREGIVER ? "caregiver-invitation" : "invitation";
		return new Invitation(pendingId, template, invitee.getEmail(), application.getApplicationNumber(),
				Map.of("applicantName", invitee.getFullName(), "applicationNumber", application.getApplicationNumber(),
						"invitationCode", code, "portalUrl", publicUrl, "email", invitee.getEmail(), "patientName",
						application.getPatient().getFullName(), "activationUrl",
						activationUrl(invitee.getEmail(), code)));
	}

	/** The portal's activation page, with the e-mail address and the code filled in (see the portal contract). */
	String activationUrl(String email, String code) {
		return publicUrl + "/portal/activate?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&code="
				+ URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

	/** An invitation e-mail to send after commit; its model holds the code, so it is never logged. */
	public record Invitation(Long pendingId, String template, String to, String applicationNumber,
			Map<String, String> model) {

		@Override
		public String toString() {
			return "Invitation[" + template + ", " + applicationNumber + "]";
		}

	}

}
