package org.mmpcase.holder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.notification.CaseMailService;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.shared.BusinessKeyLogging;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails that follow a holder's action, sent after it committed: the event publication registry keeps the event
 * until the e-mail went out (a mail server that is down only delays it, shared/EventPublications hands it over
 * again), and the dedup key (one per registration, which ends once) keeps a repeated event from sending twice.
 */
@Component
class HolderMails {

	static final String REGISTRATION_ENDED = "registration-ended";

	private final RegistrationRepository registrations;

	private final CaseMailService mail;

	private final Clock clock;

	HolderMails(RegistrationRepository registrations, CaseMailService mail, Clock clock) {
		this.registrations = registrations;
		this.mail = mail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RegistrationEndedMail ended) {
		Registration registration = registrations.findById(ended.registrationId()).orElseThrow();
		BusinessKeyLogging.withBusinessKey(registration.getApplication().getApplicationNumber(),
				() -> mail.send(REGISTRATION_ENDED, registration.getApplication(),
						new CaseMailService.CaseValues(null, null, null), "registration-ended:" + registration.getId(),
						Map.of("endedBecause", ended.because(), "registrationNumber",
								registration.getRegistrationNumber(), "endedOn",
								CertificatePdf.DATE.format(endedOn(registration)))));
	}

	private LocalDate endedOn(Registration registration) {
		return (registration.getStatusChangedAt() == null ? clock.instant() : registration.getStatusChangedAt())
			.atZone(CaseStarter.PROGRAM_ZONE)
			.toLocalDate();
	}

}
