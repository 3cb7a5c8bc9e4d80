package org.mmpcase.documents;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DocumentRetention} every {@code mmp.documents.retention.interval}, first one interval after start-up,
 * on a thread of its own (as {@link OrphanCleanupSchedule}). Every node may run it: removing what is already gone
 * is a no-op. Off with {@code mmp.documents.retention.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "mmp.documents.retention", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class DocumentRetentionSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DocumentRetentionSchedule.class);

	private final DocumentRetention retention;

	private final long intervalMillis;

	private ScheduledExecutorService executor;

	DocumentRetentionSchedule(DocumentRetention retention,
			@Value("${mmp.documents.retention.interval:PT6H}") Duration interval) {
		this.retention = retention;
		this.intervalMillis = interval.toMillis();
	}

	@Override
	public synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "document-retention");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::runSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
	}

	private void runSafely() {
		try {
			retention.run();
		}
		catch (RuntimeException ex) {
			// an exception would cancel every later run
			log.warn("Document retention run failed ({}); next try in {} ms", ex.getClass().getSimpleName(),
					intervalMillis);
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
