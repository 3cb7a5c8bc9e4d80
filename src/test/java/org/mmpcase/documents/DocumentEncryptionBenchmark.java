package org.mmpcase.documents;

import static org.mmpcase.documents.DocumentCheckBenchmark.median;
import static org.mmpcase.documents.DocumentCheckBenchmark.readAndHash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: what encryption at rest costs per upload and per read, next to reading and hashing the same bytes
 * (the figure tracked in docs/benchmarks.md; goal: within 1.5x). Over the folder store in a temporary folder, so
 * the store's own cost (write, fsync, rename) is in the store figures. Run:
 * {@code mvn -q -o -Dportal.skip=true test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.documents.DocumentEncryptionBenchmark}
 */
public final class DocumentEncryptionBenchmark {

	private DocumentEncryptionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("encryption-benchmark-");
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault plain = DocumentVault.plaintext(files);
		DocumentVault encrypted = new DocumentVault(files, DocumentEncryption.ofJson(DocumentKeysets.create()));
		System.out.printf(Locale.ROOT, "Java %s, %s %s, %d cores%n", System.getProperty("java.version"),
				System.getProperty("os.name"), System.getProperty("os.arch"),
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%-6s %10s %10s %8s %12s %8s %10s %10s %8s %10s %10s %8s%n", "size",
				"read+hash", "encrypt", "ratio", "(AES-GCM)", "ratio", "store", "store enc", "ratio", "read", "read dec",
				"ratio");
		// as the app does once started (DocumentConfiguration); -Dmmp.bench.warm=false: the first uploads after a start
		if (!"false".equals(System.getProperty("mmp.bench.warm"))) {
			long start = System.nanoTime();
			DocumentEncryption.ofJson(DocumentKeysets.create()).warmUp(DocumentConfiguration.ENCRYPTION_WARM_UP_ROUNDS);
			System.out.printf(Locale.ROOT, "JIT warm-up as the app does it (%,d round trips of 1 KB): %.0f ms%n",
					DocumentConfiguration.ENCRYPTION_WARM_UP_ROUNDS, (System.nanoTime() - start) / 1e6);
		}
		for (int megabytes : new int[] { 1, 5, 10 }) {
			byte[] content = new byte[megabytes * 1024 * 1024];
			new Random(42).nextBytes(content);
			DocumentVault.Stored plainStored = plain.store(content);
			DocumentVault.Stored sealed = encrypted.store(content);
			Path file = files.pathOf(plainStored.storageKey());
			DocumentEncryption encryption = DocumentEncryption.ofJson(DocumentKeysets.create());
			DocumentEncryption gcm = DocumentEncryption.ofJson(DocumentKeysets.create(),
					com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM);
			byte[] context = plainStored.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

			double readHash = readAndHash(file);
			// what an upload adds: the SHA-256 it always computed, plus the envelope encryption
			double encrypt = median(() -> encryption.encrypt(content, context).ciphertext().length);
			double encryptGcm = median(() -> gcm.encrypt(content, context).ciphertext().length);
			double store = median(() -> {
				String key = plain.store(content).storageKey();
				files.delete(key);
				return 0;
			});
			double storeEncrypted = median(() -> {
				String key = encrypted.store(content).storageKey();
				files.delete(key);
				return 0;
			});
			double read = median(() -> plain.read(plainStored.storageKey(), plainStored.sha256(), null).length);
			double readDecrypted = median(
					() -> encrypted.read(sealed.storageKey(), sealed.sha256(), sealed.keyId()).length);
			System.out.printf(Locale.ROOT, "%3d MB %7.1f ms %7.1f ms %7.2fx %9.1f ms %7.2fx %7.1f ms %7.1f ms %7.2fx %7.1f ms %7.1f ms %7.2fx%n",
					megabytes, readHash, encrypt, encrypt / readHash, encryptGcm, encryptGcm / readHash, store,
					storeEncrypted,
					storeEncrypted / store, read, readDecrypted, readDecrypted / read);
		}
	}

}
