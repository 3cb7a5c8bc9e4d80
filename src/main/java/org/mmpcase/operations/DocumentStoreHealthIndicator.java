package org.mmpcase.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmpcase.documents.DocumentStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code documentStore}: the folder uploads are written to is writable (a file is created and removed), and has
 * more free space than {@code mmp.operations.document-store-min-free}; below it the store is {@code DEGRADED}
 * (uploads still work, somebody should act), unwritable it is DOWN. With documents in S3
 * ({@code mmp.documents.storage=s3}) the bucket takes a small object and its removal, or it is DOWN.
 */
@Component("documentStoreHealthIndicator")
class DocumentStoreHealthIndicator extends AbstractHealthIndicator {

	private final Path folder;

	private final DataSize minFree;

	private final DocumentStorage storage;

	private final boolean objectStore;

	DocumentStoreHealthIndicator(@Value("${mmp.documents.storage-dir:./data/documents}") Path folder,
			OperationsProperties properties, DocumentStorage storage,
			@Value("${mmp.documents.storage:filesystem}") String kind) {
		super("The document store check failed");
		this.storage = storage;
		this.objectStore = "s3".equalsIgnoreCase(kind.trim());
		this.folder = folder.toAbsolutePath().normalize();
		this.minFree = properties.documentStoreMinFree();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (objectStore) {
			builder.withDetail("store", storage.location());
			try {
				storage.probe();
				builder.up();
			}
			catch (RuntimeException ex) {
				builder.down().withDetail("problem", "the document bucket does not take writes");
			}
			return;
		}
		builder.withDetail("folder", folder.toString());
		long free;
		try {
			Files.createDirectories(folder);
			Files.delete(Files.createTempFile(folder, ".health-", ".tmp"));
			free = Files.getFileStore(folder).getUsableSpace();
		}
		catch (IOException | RuntimeException ex) {
			builder.down().withDetail("problem", "the document folder is not writable");
			return;
		}
		builder.withDetail("freeBytes", free).withDetail("minFreeBytes", minFree.toBytes());
		if (free < minFree.toBytes()) {
			builder.status(HealthStatuses.DEGRADED).withDetail("problem", "little free space left for uploads");
		}
		else {
			builder.up();
		}
	}

}
