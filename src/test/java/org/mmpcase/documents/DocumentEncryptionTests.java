package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmpcase.support.TestFiles;

/** Envelope encryption over the folder store: what lies on disk, what comes back, rotation, tampering. */
class DocumentEncryptionTests {

	private static final String KEYSET = DocumentKeysets.create();

	@TempDir
	Path dir;

	@Test
	void warmUp_roundTripsWithTheConfiguredKeyset_refusedWithoutOne() {
		DocumentEncryption encryption = DocumentEncryption.ofJson(DocumentKeysets.create());

		assertThat(encryption.warmUp(50)).isEqualTo(50);
		assertThatThrownBy(() -> DocumentEncryption.none().warmUp(1)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void storedFile_isNotThePlaintext_readBackEqualsIt() throws IOException {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault vault = new DocumentVault(files, DocumentEncryption.ofJson(KEYSET));
		byte[] lease = TestFiles.pdf("Lease of Jane Roe, 12 Elm Street");

		DocumentVault.Stored stored = vault.store(lease);

		byte[] onDisk = Files.readAllBytes(files.pathOf(stored.storageKey()));
		assertThat(onDisk).isNotEqualTo(lease);
		assertThat(new String(onDisk, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Elm Street")
			.doesNotContain("%PDF");
		assertThat(stored.keyId()).isEqualTo(DocumentEncryption.ofJson(KEYSET).primaryKeyId());
		assertThat(stored.sha256()).isEqualTo(Checksums.sha256(lease));
		assertThat(vault.read(stored.storageKey(), stored.sha256(), stored.keyId())).isEqualTo(lease);
	}

	@Test
	void sameDocumentTwice_differentCiphertext_aFreshDataKeyEachTime() throws IOException {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault vault = new DocumentVault(files, DocumentEncryption.ofJson(KEYSET));

		DocumentVault.Stored first = vault.store(TestFiles.png());
		DocumentVault.Stored second = vault.store(TestFiles.png());

		assertThat(Files.readAllBytes(files.pathOf(first.storageKey())))
			.isNotEqualTo(Files.readAllBytes(files.pathOf(second.storageKey())));
	}

	@Test
	void rotation_documentsOfTheOldKeyReadAfterANewPrimary_newOnesUnderTheNewKey() {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentEncryption key1 = DocumentEncryption.ofJson(KEYSET);
		DocumentVault.Stored old = new DocumentVault(files, key1).store(TestFiles.pdf("Old lease"));

		DocumentEncryption rotated = DocumentEncryption.ofJson(DocumentKeysets.rotate(KEYSET));
		DocumentVault vault = new DocumentVault(files, rotated);
		DocumentVault.Stored fresh = vault.store(TestFiles.pdf("New lease"));

		assertThat(rotated.primaryKeyId()).isNotEqualTo(key1.primaryKeyId());
		assertThat(rotated.keyIds()).contains(key1.primaryKeyId());
		assertThat(fresh.keyId()).isEqualTo(rotated.primaryKeyId());
		assertThat(vault.read(old.storageKey(), old.sha256(), old.keyId())).isEqualTo(TestFiles.pdf("Old lease"));
		assertThat(vault.read(fresh.storageKey(), fresh.sha256(), fresh.keyId()))
			.isEqualTo(TestFiles.pdf("New lease"));
		assertThatThrownBy(() -> new DocumentVault(files, key1).read(fresh.storageKey(), fresh.sha256(),
				fresh.keyId()))
			.as("the old keyset alone does not hold the new key")
			.isInstanceOf(DocumentIntegrityException.class);
	}

	@Test
	void tamperedCiphertext_integrityError_notGarbage() throws IOException {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault vault = new DocumentVault(files, DocumentEncryption.ofJson(KEYSET));
		DocumentVault.Stored stored = vault.store(TestFiles.pdf("Lease"));
		Path file = files.pathOf(stored.storageKey());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 20] ^= 0x01;
		Files.write(file, bytes);

		assertThatThrownBy(() -> vault.read(stored.storageKey(), stored.sha256(), stored.keyId()))
			.isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("cannot be decrypted");
	}

	@Test
	void ciphertextMovedToAnotherDocumentsRow_doesNotDecryptThere() throws IOException {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault vault = new DocumentVault(files, DocumentEncryption.ofJson(KEYSET));
		DocumentVault.Stored lease = vault.store(TestFiles.pdf("Lease"));
		DocumentVault.Stored forged = vault.store(TestFiles.pdf("Forged lease"));
		Files.copy(files.pathOf(forged.storageKey()), files.pathOf(lease.storageKey()),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		assertThatThrownBy(() -> vault.read(lease.storageKey(), lease.sha256(), lease.keyId()))
			.isInstanceOf(DocumentIntegrityException.class);
	}

	@Test
	void wrongKeyset_integrityError() {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault.Stored stored = new DocumentVault(files, DocumentEncryption.ofJson(KEYSET))
			.store(TestFiles.pdf("Lease"));
		DocumentVault other = new DocumentVault(files, DocumentEncryption.ofJson(DocumentKeysets.create()));

		assertThatThrownBy(() -> other.read(stored.storageKey(), stored.sha256(), stored.keyId()))
			.isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("lacks");
	}

	@Test
	void plaintextDocument_noKeyId_readAsUploadedAlsoWithAKeyConfigured() {
		FileSystemDocumentStorage files = new FileSystemDocumentStorage(dir);
		DocumentVault.Stored plain = DocumentVault.plaintext(files).store(TestFiles.png());

		assertThat(plain.keyId()).isNull();
		assertThat(new DocumentVault(files, DocumentEncryption.ofJson(KEYSET)).read(plain.storageKey(),
				plain.sha256(), null))
			.isEqualTo(TestFiles.png());
	}

	@Test
	void keysetThatIsNoKeyset_clearMessage() throws IOException {
		Path file = dir.resolve("keys.json");
		Files.writeString(file, "{\"not\": \"a keyset\"}");

		assertThatThrownBy(() -> DocumentEncryption.ofFile(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not a Tink AEAD keyset");
		assertThatThrownBy(() -> DocumentEncryption.ofFile(dir.resolve("absent.json")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot be read");
	}

}
