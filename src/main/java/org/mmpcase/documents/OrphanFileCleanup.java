package org.mmpcase.documents;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes files that no document row points at. An upload writes its file before its row commits; a crash or a
 * lost database connection in between leaves a file nobody can reach (the rollback hook in
 * {@link DocumentService} covers only the rollbacks the application lives to see). Files younger than the grace
 * period are left alone: their row may still be on its way.
 */
@Component
class OrphanFileCleanup {

	private static final Logger log = LoggerFactory.getLogger(OrphanFileCleanup.class);

	private final DocumentStorage storage;

	private final DocumentRepository documents;

	private final Clock clock;

	private final Duration grace;

	OrphanFileCleanup(DocumentStorage storage, DocumentRepository documents, Clock clock,
			DocumentProperties properties) {
		this.storage = storage;
		this.documents = documents;
		this.clock = clock;
		this.grace = properties.orphanCleanup().grace();
	}

	/** @return how many files were removed */
	int run() {
		AtomicInteger removed = new AtomicInteger();
		storage.forEachKeyWrittenBefore(clock.instant().minus(grace), key -> {
			if (!documents.existsByStorageKey(key)) {
				storage.delete(key);
				removed.incrementAndGet();
				log.info("Removed document file {}: no document row points at it", key);
			}
		});
		return removed.get();
	}

}
