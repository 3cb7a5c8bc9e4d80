package org.mmpcase.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.mmpcase.notification.MailService;
import org.mmpcase.shared.BusinessKeyLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the invitation e-mails that {@link Invitations} records. The first try runs on a sender thread as soon as
 * the case has committed, with the code the case was created with. An invitation the mail server refused stays owed: the sweep
 * tries it again (waiting longer each time), with a fresh code, because only the code's hash is kept. Every node
 * may sweep: each invitation is locked while it is sent, and closed in the same transaction.
 */
@Component
class InvitationMailer {

	private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

	private final MailService mail;

	private final Invitations invitations;

	private final InvitationService accounts;

	private final PendingInvitationRepository pending;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final Duration firstRetry;

	/**
	 * The sender threads (each holds one database connection while it hands an invitation to the mail server), or
	 * none: {@code mmp.mail.invitation-senders=0} tries in the committing thread (the tests, which read the e-mail
	 * right after certifying).
	 */
	private final ExecutorService senders;

	InvitationMailer(MailService mail, Invitations invitations, InvitationService accounts,
			PendingInvitationRepository pending, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${mmp.mail.invitation-retry:PT5M}") Duration firstRetry,
			@Value("${mmp.mail.invitation-senders:2}") int senderThreads) {
		this.mail = mail;
		this.invitations = invitations;
		this.accounts = accounts;
		this.pending = pending;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.firstRetry = firstRetry;
		this.senders = senderThreads <= 0 ? null : Executors.newFixedThreadPool(senderThreads, runnable -> {
			Thread thread = new Thread(runnable, "invitation-mails");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * After the case has committed, the first try is handed to the sender threads: the request neither waits for
	 * the mail server nor takes a second database connection while its own is still bound (200 certifications at
	 * once ran the pool dry that way). An invitation lost with the node is sent by the sweep.
	 */
	@TransactionalEventListener
	void sendSoon(Invitations.Invitation invitation) {
		if (senders == null) {
			sendNow(invitation);
			return;
		}
		try {
			senders.execute(() -> sendNow(invitation));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Invitation for application {} left to the sweep (node stopping)", invitation.applicationNumber());
		}
	}

	void sendNow(Invitations.Invitation invitation) {
		// outside the engine: the case's number is put into the log context here
		BusinessKeyLogging.withBusinessKey(invitation.applicationNumber(), () -> {
			try {
				ownTransaction.executeWithoutResult(status -> pending.findLockedById(invitation.pendingId())
					.filter(PendingInvitation::isOpen)
					.ifPresent(owed -> {
						mail.sendTemplate(invitation.template(), invitation.to(), invitation.model());
						owed.close(PendingInvitation.Outcome.SENT, clock.instant());
					}));
			}
			catch (RuntimeException ex) {
				ownTransaction.executeWithoutResult(status -> pending.findLockedById(invitation.pendingId())
					.ifPresent(owed -> owed.failed(clock.instant(), firstRetry)));
				log.warn("Invitation for application {} not sent ({}); sent again later", invitation.applicationNumber(),
						ex.getClass().getSimpleName());
			}
			return null;
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		if (senders == null) {
			return;
		}
		senders.shutdown();
		senders.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Sends the invitations still owed whose next try is due; run periodically on every node. */
	@Scheduled(initialDelayString = "${mmp.mail.invitation-sweep:PT1M}",
			fixedDelayString = "${mmp.mail.invitation-sweep:PT1M}")
	int sendOwed() {
		int sent = 0;
		for (PendingInvitation due : pending
			.findTop50ByClosedAtIsNullAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(clock.instant())) {
			String applicationNumber = due.getApplication().getApplicationNumber();
			try {
				if (BusinessKeyLogging.withBusinessKey(applicationNumber, () -> resend(due.getId()))) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				ownTransaction.executeWithoutResult(status -> pending.findLockedById(due.getId())
					.ifPresent(owed -> owed.failed(clock.instant(), firstRetry)));
				log.warn("Invitation for application {} not sent ({}); tried again later", applicationNumber,
						ex.getClass().getSimpleName());
				// the mail server is most likely still away: the others wait for the next sweep
				return sent;
			}
		}
		return sent;
	}

	/** @return whether it was sent now; a failure rolls back the fresh code with everything else */
	private boolean resend(Long id) {
		return Boolean.TRUE.equals(ownTransaction.execute(status -> {
			PendingInvitation owed = pending.findLockedById(id).filter(PendingInvitation::isOpen).orElse(null);
			if (owed == null) {
				return false;
			}
			Optional<String> code = accounts.invite(owed.getPerson(), owed.getRole());
			if (code.isEmpty()) {
				owed.close(PendingInvitation.Outcome.ACTIVATED, clock.instant());
				return false;
			}
			Invitations.Invitation invitation = invitations.invitation(id, owed.getPerson(), owed.getRole(),
					owed.getApplication(), code.get());
			mail.sendTemplate(invitation.template(), invitation.to(), invitation.model());
			owed.close(PendingInvitation.Outcome.SENT, clock.instant());
			return true;
		}));
	}

}
