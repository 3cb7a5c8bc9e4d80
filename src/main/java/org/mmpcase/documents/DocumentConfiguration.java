package org.mmpcase.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.util.StringUtils;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DocumentProperties.class, DocumentPreviewProperties.class })
class DocumentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

	@Bean
	DocumentCheck documentCheck(DocumentProperties properties) {
		return new DocumentCheck(properties.maxSize().toBytes(), properties.maxPixels(), properties.allowedTypes());
	}

	/** Tika's configuration, loaded in the background once the app has started (not on the start-up path). */
	@EventListener(ApplicationReadyEvent.class)
	void warmUpDocumentCheck() {
		Thread warmUp = new Thread(DocumentCheck::warmUp, "document-check-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	/** How many round trips warm the encryption up (see {@link DocumentEncryption#warmUp}): about a second of CPU. */
	static final int ENCRYPTION_WARM_UP_ROUNDS = 20_000;

	/** With a key configured: the encryption made fast before the first uploads, in the background as well. */
	@EventListener(ApplicationReadyEvent.class)
	void warmUpDocumentEncryption(ApplicationReadyEvent ready) {
		DocumentEncryption encryption = ready.getApplicationContext().getBean(DocumentEncryption.class);
		if (!encryption.enabled()) {
			return;
		}
		Thread warmUp = new Thread(() -> {
			long start = System.nanoTime();
			int rounds = encryption.warmUp(ENCRYPTION_WARM_UP_ROUNDS);
			log.info("Document encryption warmed up: {} round trips in {} ms", rounds,
					(System.nanoTime() - start) / 1_000_000);
		}, "document-encryption-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	@Bean
	DocumentStorage documentStorage(DocumentProperties properties) {
		if (properties.storage() == DocumentProperties.Store.S3) {
			DocumentProperties.S3 s3 = properties.s3();
			if (!StringUtils.hasText(s3.bucket())) {
				throw new IllegalStateException(
						"mmp.documents.storage=s3 needs mmp.documents.s3.bucket (MMP_DOCUMENT_S3_BUCKET)");
			}
			return new S3DocumentStorage(s3Client(s3), s3.bucket(), s3.prefix());
		}
		return new FileSystemDocumentStorage(properties.storageDir());
	}

	@Bean
	DocumentEncryption documentEncryption(DocumentProperties properties) {
		DocumentProperties.Encryption encryption = properties.encryption();
		if (StringUtils.hasText(encryption.kmsUri())) {
			// the extension point: a Tink KmsClient (tink-awskms, tink-gcpkms) would give the KEK as an Aead here
			throw new IllegalStateException("mmp.documents.encryption.kms-uri (" + encryption.kmsUri()
					+ ") is not supported by this build: configure mmp.documents.encryption.keyset-file instead"
					+ " (docs/documents.md, Encryption at rest)");
		}
		if (encryption.keysetFile() != null && StringUtils.hasText(encryption.keysetFile().toString())) {
			return DocumentEncryption.ofFile(encryption.keysetFile());
		}
		if (StringUtils.hasText(encryption.keyset())) {
			return DocumentEncryption.ofJson(encryption.keyset());
		}
		return DocumentEncryption.none();
	}

	@Bean
	DocumentVault documentVault(DocumentStorage documentStorage, DocumentEncryption documentEncryption) {
		return new DocumentVault(documentStorage, documentEncryption);
	}

	static S3Client s3Client(DocumentProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			// checksums only where the API demands them: the SDK's newer default (CRC32 trailers on every PUT) is
			// not understood by every S3-compatible store; the document's SHA-256 is checked on every read anyway
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (StringUtils.hasText(s3.endpoint())) {
			builder.endpointOverride(java.net.URI.create(s3.endpoint().trim()));
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(DocumentProperties.S3 s3) {
		if (StringUtils.hasText(s3.accessKey())) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

}
