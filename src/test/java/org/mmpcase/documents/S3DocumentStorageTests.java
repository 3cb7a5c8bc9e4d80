package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.TestFiles;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3 API (s3proxy): what the folder store does, in a bucket. */
class S3DocumentStorageTests {

	private final S3TestServer server = S3TestServer.get();

	private String bucket;

	private S3DocumentStorage storage;

	private S3Client s3;

	@BeforeEach
	void bucket() {
		bucket = server.newBucket();
		storage = new S3DocumentStorage(DocumentConfiguration.s3Client(server.settings(bucket)), bucket,
				"documents/");
		s3 = server.client();
	}

	@AfterEach
	void close() {
		storage.close();
		s3.close();
	}

	@Test
	void stored_readBackCheckedAgainstItsChecksum_underAGeneratedKeyInThePrefix() {
		byte[] lease = TestFiles.pdf("Lease");

		String key = storage.store(lease);

		assertThat(key).matches("[0-9a-f-]{36}");
		assertThat(storage.read(key, Checksums.sha256(lease))).isEqualTo(lease);
		assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key("documents/" + key)).asByteArray())
			.isEqualTo(lease);
		assertThatThrownBy(() -> storage.read(key, Checksums.sha256(TestFiles.pdf("Forged lease"))))
			.isInstanceOf(DocumentIntegrityException.class);
	}

	@Test
	void changedOrMissingObject_integrityError() {
		String key = storage.store(TestFiles.pdf("Lease"));
		s3.putObject(put -> put.bucket(bucket).key("documents/" + key), RequestBody.fromBytes(TestFiles.pdf("Forged")));

		assertThatThrownBy(() -> storage.read(key, Checksums.sha256(TestFiles.pdf("Lease"))))
			.isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("checksum");

		storage.delete(key);
		assertThatThrownBy(() -> storage.read(key)).isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("missing");
		storage.delete(key);
	}

	@Test
	void listing_onlyDocumentKeysWrittenBeforeTheCutoff() {
		String first = storage.store(new byte[] { 1 });
		String second = storage.store(new byte[] { 2 });
		s3.putObject(put -> put.bucket(bucket).key("documents/not-a-document"), RequestBody.fromBytes(new byte[1]));
		s3.putObject(put -> put.bucket(bucket).key("elsewhere/" + first), RequestBody.fromBytes(new byte[1]));

		List<String> later = new ArrayList<>();
		storage.forEachKeyWrittenBefore(Instant.now().plusSeconds(60), later::add);
		List<String> earlier = new ArrayList<>();
		storage.forEachKeyWrittenBefore(Instant.now().minusSeconds(3600), earlier::add);

		assertThat(later).containsExactlyInAnyOrder(first, second);
		assertThat(earlier).isEmpty();
	}

	@Test
	void listing_pagesThroughMoreThanOnePageOfKeys() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 1005; i++) {
			keys.add(storage.store(new byte[] { (byte) i }));
		}
		List<String> listed = new ArrayList<>();

		storage.forEachKeyWrittenBefore(Instant.now().plusSeconds(60), listed::add);

		assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
	}

	@Test
	void probe_writesAndRemovesAnObjectThatIsNoDocument_failsWithoutTheBucket() {
		storage.probe();

		assertThat(s3.listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
		assertThat(storage.location()).isEqualTo("s3://" + bucket + "/documents/");
		S3DocumentStorage missing = new S3DocumentStorage(DocumentConfiguration.s3Client(server.settings("absent")),
				"absent", "");
		assertThatThrownBy(missing::probe).isInstanceOf(RuntimeException.class);
		missing.close();
	}

	@Test
	void keyNotHandedOutByTheStore_refused() {
		assertThatThrownBy(() -> storage.read("../other-bucket/x")).isInstanceOf(IllegalArgumentException.class);
	}

}
