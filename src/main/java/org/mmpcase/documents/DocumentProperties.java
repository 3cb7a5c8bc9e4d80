package org.mmpcase.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mmp.documents.*}: where uploads are kept, what the check accepts, and when files that no document row
 * points at are removed.
 * @param storage {@code filesystem} (the folder {@code storage-dir}, the embedded default) or {@code s3}
 * @param maxPixels width x height an image header may declare (a small file can declare a huge image: a
 * decompression bomb for whoever opens it); 50 megapixels is above any phone camera's JPEG
 * @param encryptExisting at start, encrypt the documents stored before a key was configured (docs/documents.md)
 */
@ConfigurationProperties("mmp.documents")
record DocumentProperties(@DefaultValue("filesystem") Store storage, @DefaultValue("./data/documents") Path storageDir,
		@DefaultValue S3 s3, @DefaultValue Encryption encryption, @DefaultValue("false") boolean encryptExisting,
		@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50000000") long maxPixels,
		@DefaultValue({ "application/pdf", "image/jpeg", "image/png" }) List<String> allowedTypes,
		@DefaultValue OrphanCleanup orphanCleanup) {

	enum Store {
		FILESYSTEM, S3
	}

	/**
	 * @param endpoint the S3 API's URL for MinIO, Ceph and the like; empty: AWS S3 of {@code region}
	 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (MinIO, Ceph)
	 * @param accessKey with {@code secret-key}; empty: the SDK's default chain (AWS_ACCESS_KEY_ID, profile, role)
	 */
	record S3(String bucket, @DefaultValue("") String prefix, String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyle, String accessKey, String secretKey) {
	}

	/**
	 * The key-encryption key: a Tink JSON keyset in a file ({@code keyset-file}) or in the setting itself
	 * ({@code keyset}, for a secret injected as an environment variable). None of them: documents are stored as
	 * uploaded. {@code kms-uri} is an extension point (a key kept in a KMS) this build does not implement.
	 */
	record Encryption(Path keysetFile, String keyset, String kmsUri) {
	}

	/**
	 * @param grace a file younger than this may belong to an upload whose row is still being committed
	 */
	record OrphanCleanup(@DefaultValue("true") boolean enabled, @DefaultValue("PT1H") Duration interval,
			@DefaultValue("PT24H") Duration grace) {
	}

}
