package org.mmpcase.documents;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OrphanFileCleanup} every {@code mmp.documents.orphan-cleanup.interval}, first one interval after
 * start-up. A thread of its own rather than {@code @EnableScheduling}, which would switch on every
 * {@code @Scheduled} method of the application. Every node of a cluster may run it: a removal is idempotent, and
 * the grace period protects uploads in flight. Off with {@code mmp.documents.orphan-cleanup.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "mmp.documents.orphan-cleanup", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class OrphanCleanupSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrphanCleanupSchedule.class);

	private final OrphanFileCleanup cleanup;

	private final long intervalMillis;

	private ScheduledExecutorService executor;

	OrphanCleanupSchedule(OrphanFileCleanup cleanup, DocumentProperties properties) {
		this.cleanup = cleanup;
		this.intervalMillis = properties.orphanCleanup().interval().toMillis();
	}

	@Override
	public synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "document-orphan-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::runSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
	}

	private void runSafely() {
		try {
			cleanup.run();
		}
		catch (RuntimeException ex) {
			// an exception would cancel every later run
			log.warn("Orphan document cleanup failed; next try in {} ms", intervalMillis, ex);
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
