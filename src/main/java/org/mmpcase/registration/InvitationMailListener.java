package org.mmpcase.registration;

import org.mmpcase.notification.MailService;
import org.mmpcase.operations.BusinessKeyLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends invitation e-mails after the case they invite to has committed. If the mail server is down then, the case
 * stands and the invitation can be sent again (a new certification e-mail of the same patient re-invites).
 */
@Component
class InvitationMailListener {

	private static final Logger log = LoggerFactory.getLogger(InvitationMailListener.class);

	private final MailService mail;

	InvitationMailListener(MailService mail) {
		this.mail = mail;
	}

	@TransactionalEventListener
	void send(Invitations.Invitation invitation) {
		// after the commit, outside the engine: the case's number is put into the log context here
		BusinessKeyLogging.withBusinessKey(invitation.applicationNumber(), () -> {
			try {
				mail.sendTemplate(invitation.template(), invitation.to(), invitation.model());
			}
			catch (RuntimeException ex) {
				log.warn("Invitation for application {} not sent ({})", invitation.applicationNumber(),
						ex.getClass().getSimpleName());
			}
			return null;
		});
	}

}
