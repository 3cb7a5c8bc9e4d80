package org.mmpcase.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OrphanFileCleanup} every {@code mmp.documents.orphan-cleanup.interval}, first one interval after
 * start-up. Every node of a cluster may run it: a removal is idempotent, and the grace period protects uploads in
 * flight. Off with {@code mmp.documents.orphan-cleanup.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "mmp.documents.orphan-cleanup", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class OrphanCleanupSchedule {

	private static final Logger log = LoggerFactory.getLogger(OrphanCleanupSchedule.class);

	private final OrphanFileCleanup cleanup;

	OrphanCleanupSchedule(OrphanFileCleanup cleanup) {
		this.cleanup = cleanup;
	}

	@Scheduled(initialDelayString = "${mmp.documents.orphan-cleanup.interval:PT1H}",
			fixedDelayString = "${mmp.documents.orphan-cleanup.interval:PT1H}")
	void run() {
		try {
			cleanup.run();
		}
		catch (RuntimeException ex) {
			log.warn("Orphan document cleanup failed ({}); tried again at the next interval",
					ex.getClass().getSimpleName());
		}
	}

}
