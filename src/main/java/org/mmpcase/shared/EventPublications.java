package org.mmpcase.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules whose listener failed (a mail server that was down, a node that died while it ran) stay
 * in the event publication registry; this hands them to their listeners again, every
 * {@code mmp.events.retry-interval}, once they are older than {@code mmp.events.retry-after}. Every node does it;
 * the listeners are idempotent (they lock and mark what they do), so a publication resubmitted on two nodes at once
 * is handled once.
 */
@Component
class EventPublications {

	private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	EventPublications(IncompleteEventPublications incomplete,
			@Value("${mmp.events.retry-after:PT1M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
	}

	@Scheduled(initialDelayString = "${mmp.events.retry-interval:PT5M}",
			fixedDelayString = "${mmp.events.retry-interval:PT5M}")
	void resubmit() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
		}
		catch (RuntimeException ex) {
			log.warn("Incomplete event publications not resubmitted this time ({})", ex.getClass().getSimpleName());
		}
	}

}
