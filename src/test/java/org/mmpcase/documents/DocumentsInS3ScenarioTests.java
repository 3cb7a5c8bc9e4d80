package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The whole application with its documents in an S3 bucket (s3proxy, a real S3 API) and encrypted at rest: uploads
 * through the case, the objects themselves, reading and previews, retention, orphan clean-up, the health check,
 * the migration of documents stored before a key was configured, and the start-up key check.
 */
class DocumentsInS3ScenarioTests extends ProcessTest {

	private static final String KEYSET = DocumentKeysets.create();

	private static final String BUCKET = S3TestServer.get().newBucket();

	@DynamicPropertySource
	static void s3AndKey(DynamicPropertyRegistry registry) throws IOException {
		S3TestServer server = S3TestServer.get();
		Path keyset = Files.createTempFile("document-keys-", ".json");
		Files.writeString(keyset, KEYSET);
		registry.add("mmp.documents.storage", () -> "s3");
		registry.add("mmp.documents.s3.bucket", () -> BUCKET);
		registry.add("mmp.documents.s3.endpoint", server::endpoint);
		registry.add("mmp.documents.s3.path-style", () -> "true");
		registry.add("mmp.documents.s3.access-key", () -> S3TestServer.ACCESS_KEY);
		registry.add("mmp.documents.s3.secret-key", () -> S3TestServer.SECRET_KEY);
		registry.add("mmp.documents.encryption.keyset-file", keyset::toString);
	}

	@Autowired
	DocumentService documents;

	@Autowired
	DocumentRepository repository;

	@Autowired
	DocumentStorage storage;

	@Autowired
	DocumentVault vault;

	@Autowired
	DocumentPreviews previews;

	@Autowired
	DocumentRetention retention;

	@Autowired
	OrphanFileCleanup orphanCleanup;

	@Autowired
	DocumentEncryptionMigration migration;

	@Autowired
	DocumentCheck check;

	@Autowired
	DocumentProperties properties;

	@Autowired
	HistoryService historyService;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("documentStoreHealthIndicator")
	HealthIndicator health;

	@Test
	void upload_storedEncryptedInTheBucket_readBackAndPreviewedAsUploaded() {
		Application application = driver.certify();
		byte[] lease = TestFiles.pdf("Lease of Jordan Rivera, 12 Elm Street, Hartford");

		Document document = documents.upload(application, Document.Category.RESIDENCY, "lease.pdf", lease);

		assertThat(storage).isInstanceOf(S3DocumentStorage.class);
		assertThat(document.getKeyId()).isEqualTo(DocumentEncryption.ofJson(KEYSET).primaryKeyId());
		byte[] object = objectBytes(document.getStorageKey());
		assertThat(object).isNotEqualTo(lease);
		assertThat(new String(object, StandardCharsets.ISO_8859_1)).doesNotContain("Elm Street").doesNotContain("%PDF");
		assertThat(documents.read(driver.reload(application), document.getId()).content()).isEqualTo(lease);
		assertThat(documents.readForReview(document.getId()).content()).isEqualTo(lease);
		assertThat(previews.preview(document).available()).isTrue();
		assertThat(previews.page(document, 1).content()).isNotEmpty();
	}

	@Test
	void caseWithDocumentsInTheBucket_checkedBeforeReview_removedAfterItsRetention() {
		Application ended = approvedCase();
		List<Document> endedDocuments = repository.findByApplication(ended);
		assertThat(endedDocuments).hasSize(2).allMatch(document -> document.getKeyId() != null);
		assertThat(endedDocuments).allMatch(document -> objectExists(document.getStorageKey()));
		Instant end = historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(ended.getProcessInstanceId())
			.singleResult()
			.getEndTime()
			.toInstant();

		retention.run(end.plus(Duration.ofDays(179)));
		assertThat(endedDocuments).allMatch(document -> objectExists(document.getStorageKey()));
		retention.run(end.plus(Duration.ofDays(181)));

		assertThat(repository.findByApplication(ended)).isEmpty();
		assertThat(endedDocuments).noneMatch(document -> objectExists(document.getStorageKey()));
	}

	@Test
	void orphanObjects_olderThanTheGracePeriod_removed_recordedAndRecentOnesKept() {
		Application application = driver.certify();
		Document recorded = documents.upload(application, Document.Category.IDENTITY, "id.png", TestFiles.png());
		String orphan = storage.store(TestFiles.pdf("never recorded"));

		assertThat(orphanCleanup.run()).as("within the grace period").isZero();
		assertThat(objectExists(orphan)).isTrue();
		// two days on, the same objects are past the grace period of a day
		OrphanFileCleanup later = new OrphanFileCleanup(storage, repository,
				Clock.offset(clock, Duration.ofDays(2)), properties);
		int removed = later.run();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(objectExists(orphan)).isFalse();
		assertThat(objectExists(recorded.getStorageKey())).isTrue();
		assertThat(documents.read(driver.reload(application), recorded.getId()).content()).isEqualTo(TestFiles.png());
	}

	@Test
	void healthOfTheBucket_upWhileItTakesWrites() {
		var result = health.health();

		assertThat(result.getStatus()).isEqualTo(Status.UP);
		assertThat(result.getDetails()).containsEntry("store", "s3://" + BUCKET + "/documents/");
	}

	@Test
	void plaintextDocuments_encryptedByTheMigration_aSecondRunDoesNothing() {
		// documents uploaded before a key was configured: the service as it was, without a key
		DocumentService beforeTheKey = new DocumentService(repository, DocumentVault.plaintext(storage), check, clock);
		Application application = driver.certify();
		byte[] licence = TestFiles.png();
		byte[] lease = TestFiles.pdf("Lease");
		Document first = beforeTheKey.upload(application, Document.Category.IDENTITY, "licence.png", licence);
		Document second = beforeTheKey.upload(driver.reload(application), Document.Category.RESIDENCY, "lease.pdf",
				lease);
		Document lost = beforeTheKey.upload(driver.reload(application), Document.Category.RESIDENCY, "old.pdf",
				TestFiles.pdf("Old lease"));
		storage.delete(lost.getStorageKey());
		assertThat(first.getKeyId()).isNull();
		assertThat(objectBytes(first.getStorageKey())).isEqualTo(licence);

		DocumentEncryptionMigration.Result result = migration.run();

		assertThat(result).isEqualTo(new DocumentEncryptionMigration.Result(2, 1));
		Document firstNow = repository.findById(first.getId()).orElseThrow();
		Document secondNow = repository.findById(second.getId()).orElseThrow();
		assertThat(firstNow.getKeyId()).isEqualTo(DocumentEncryption.ofJson(KEYSET).primaryKeyId());
		assertThat(firstNow.getStorageKey()).isNotEqualTo(first.getStorageKey());
		assertThat(objectExists(first.getStorageKey())).as("the plaintext object is gone").isFalse();
		assertThat(objectBytes(firstNow.getStorageKey())).isNotEqualTo(licence);
		assertThat(documents.read(driver.reload(application), first.getId()).content()).isEqualTo(licence);
		assertThat(documents.read(driver.reload(application), second.getId()).content()).isEqualTo(lease);
		assertThat(repository.findById(lost.getId()).orElseThrow().getKeyId()).as("unreadable: left as it was")
			.isNull();

		DocumentEncryptionMigration.Result again = migration.run();

		assertThat(again).as("nothing left but the unreadable one").isEqualTo(
				new DocumentEncryptionMigration.Result(0, 1));
		assertThat(repository.findById(first.getId()).orElseThrow().getStorageKey())
			.isEqualTo(firstNow.getStorageKey());
	}

	@Test
	void start_withAMissingOrWrongKey_failsWithAClearMessage_withTheRotatedKeysetStarts() throws IOException {
		Application application = driver.certify();
		Document document = documents.upload(application, Document.Category.IDENTITY, "licence.png",
				TestFiles.png());
		String keyId = document.getKeyId();

		assertThat(failure(null))
			.hasMessageContaining("Documents are stored encrypted")
			.hasMessageContaining("no document key is configured")
			.hasMessageContaining("mmp.documents.encryption.keyset-file");
		assertThat(failure(DocumentKeysets.create()))
			.hasMessageContaining("lacks key ids [" + keyId + "]");
		assertThat(failure(otherKeyUnderTheSameId(keyId)))
			.hasMessageContaining("holds key id " + keyId)
			.hasMessageContaining("does not decrypt");

		String rotated = DocumentKeysets.rotate(KEYSET);
		DocumentEncryption encryption = DocumentEncryption.ofJson(rotated);
		startWith(rotated, started -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(DocumentKeyCheck.class).canaryKeyIds()).contains(keyId,
					encryption.primaryKeyId());
		});
		DocumentVault afterRotation = new DocumentVault(storage, encryption);
		assertThat(afterRotation.read(document)).as("written under key 1, read with key 2 primary")
			.isEqualTo(TestFiles.png());
		assertThat(afterRotation.store(TestFiles.png()).keyId()).isEqualTo(encryption.primaryKeyId());
	}

	private Throwable failure(String keyset) throws IOException {
		Throwable[] failure = new Throwable[1];
		startWith(keyset, context -> failure[0] = context.getStartupFailure());
		assertThat(failure[0]).as("the start fails").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure[0]);
	}

	/** The documents module's configuration and the key check, started as the app starts them, on this database. */
	private void startWith(String keyset, ContextConsumer<AssertableApplicationContext> then) throws IOException {
		String setting = "";
		if (keyset != null) {
			Path file = Files.createTempFile("document-keys-", ".json");
			Files.writeString(file, keyset);
			setting = file.toString();
		}
		new ApplicationContextRunner().withUserConfiguration(DocumentConfiguration.class, DocumentKeyCheck.class)
			.withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
			.withBean(Clock.class, () -> clock)
			.withPropertyValues("mmp.documents.encryption.keyset-file=" + setting)
			.run(then);
	}

	/** A fresh key given the id of {@code keyId}: the right ids, the wrong key material. */
	private static String otherKeyUnderTheSameId(String keyId) throws IOException {
		ObjectMapper json = new ObjectMapper();
		ObjectNode keyset = (ObjectNode) json.readTree(DocumentKeysets.create());
		long id = Long.parseLong(keyId);
		keyset.put("primaryKeyId", id);
		((ObjectNode) keyset.get("key").get(0)).put("keyId", id);
		return json.writeValueAsString(keyset);
	}

	private Application approvedCase() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		return driver.reload(application);
	}

	private byte[] objectBytes(String key) {
		try (S3Client s3 = S3TestServer.get().client()) {
			return s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("documents/" + key)).asByteArray();
		}
	}

	private boolean objectExists(String key) {
		try {
			objectBytes(key);
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
	}

}
