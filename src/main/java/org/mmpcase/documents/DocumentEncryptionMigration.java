package org.mmpcase.documents;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts the documents stored before a key was configured (key id null), in batches of {@value #BATCH}, each
 * committed on its own: the plaintext is read and checked, written encrypted under a new storage key, the row is
 * pointed at it, and after the commit the plaintext object is removed. Stopped half-way (a crash, a deploy), a run
 * again starts with what is left; a second run finds nothing to do. Nodes may run it at once: a batch's rows are
 * locked and re-checked. A document that cannot be read (missing, damaged) is left as it is and counted; a later run
 * tries it again. Started with {@code --mmp.documents.encrypt-existing=true} (docs/documents.md).
 */
@Component
class DocumentEncryptionMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DocumentEncryptionMigration.class);

	static final int BATCH = 50;

	private final DocumentRepository documents;

	private final DocumentVault vault;

	private final TransactionTemplate transaction;

	private final boolean atStart;

	DocumentEncryptionMigration(DocumentRepository documents, DocumentVault vault, TransactionTemplate transaction,
			DocumentProperties properties) {
		this.documents = documents;
		this.vault = vault;
		this.transaction = transaction;
		this.atStart = properties.encryptExisting();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (atStart) {
			Result result = run();
			log.info("Encryption of existing documents finished: {} encrypted, {} could not be read (see above; "
					+ "run again once they are restored or removed)", result.encrypted(), result.unreadable());
		}
	}

	Result run() {
		if (!vault.encrypting()) {
			throw new IllegalStateException("Existing documents cannot be encrypted without a key: set "
					+ DocumentKeyCheck.SETTING);
		}
		int encrypted = 0;
		int unreadable = 0;
		long after = 0;
		while (true) {
			List<Long> ids = documents.idsStoredAsUploaded(after, PageRequest.of(0, BATCH));
			if (ids.isEmpty()) {
				return new Result(encrypted, unreadable);
			}
			Batch batch = encrypt(ids);
			encrypted += batch.done();
			unreadable += batch.unreadable();
			after = ids.get(ids.size() - 1);
			log.info("Encrypted {} existing documents so far (up to id {})", encrypted, after);
		}
	}

	private Batch encrypt(List<Long> ids) {
		List<String> written = new ArrayList<>();
		List<String> replaced = new ArrayList<>();
		int unreadable;
		try {
			unreadable = transaction.execute(status -> {
				int failed = 0;
				for (Document document : documents.lockStoredAsUploaded(ids)) {
					byte[] plaintext;
					try {
						plaintext = vault.read(document);
					}
					catch (DocumentIntegrityException ex) {
						log.warn("Document {} not encrypted: {}", document.getId(), ex.getMessage());
						failed++;
						continue;
					}
					DocumentVault.Stored stored = vault.store(plaintext);
					written.add(stored.storageKey());
					replaced.add(document.getStorageKey());
					document.encrypted(stored.storageKey(), stored.keyId());
				}
				return failed;
			});
		}
		catch (RuntimeException ex) {
			// the rows still point at the plaintext objects: the encrypted copies are nobody's
			written.forEach(this::deleteQuietly);
			throw ex;
		}
		// committed: the plaintext is no longer referenced (a crash here leaves it to the orphan cleanup)
		replaced.forEach(this::deleteQuietly);
		return new Batch(replaced.size(), unreadable);
	}

	private void deleteQuietly(String key) {
		try {
			vault.delete(key);
		}
		catch (RuntimeException ex) {
			log.warn("Document object {} not removed yet ({}); the orphan cleanup will", key,
					ex.getClass().getSimpleName());
		}
	}

	record Result(int encrypted, int unreadable) {
	}

	private record Batch(int done, int unreadable) {
	}

}
