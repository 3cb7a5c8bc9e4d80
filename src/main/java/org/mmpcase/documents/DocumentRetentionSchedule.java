package org.mmpcase.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DocumentRetention} every {@code mmp.documents.retention.interval}, first one interval after start-up.
 * Every node may run it: removing what is already gone is a no-op. Off with
 * {@code mmp.documents.retention.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "mmp.documents.retention", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class DocumentRetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(DocumentRetentionSchedule.class);

	private final DocumentRetention retention;

	DocumentRetentionSchedule(DocumentRetention retention) {
		this.retention = retention;
	}

	@Scheduled(initialDelayString = "${mmp.documents.retention.interval:PT6H}",
			fixedDelayString = "${mmp.documents.retention.interval:PT6H}")
	void run() {
		try {
			retention.run();
		}
		catch (RuntimeException ex) {
			log.warn("Document retention run failed ({}); tried again at the next interval",
					ex.getClass().getSimpleName());
		}
	}

}
