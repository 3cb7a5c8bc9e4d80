package org.mmpcase.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Envelope encryption of document bytes with Google Tink: every document gets a fresh data key
 * (AES-256-CTR with HMAC-SHA-256, see {@link #DATA_KEY}), which is
 * wrapped by the key-encryption key (KEK) from configuration and stored in front of the ciphertext (Tink's
 * {@link KmsEnvelopeAead} format). The KEK is a Tink keyset of AEAD keys: new documents are wrapped with its
 * primary key, whose id is recorded on the document; older documents unwrap with the key they name, so a keyset with
 * a new primary and the old keys still in it reads everything (rotation).
 */
final class DocumentEncryption {

	private static final DocumentEncryption NONE = new DocumentEncryption(null, null);

	/**
	 * The data keys' algorithm. Fixed: the wrapped data key is parsed as this type on read, so a change would make
	 * every stored document unreadable. AES-CTR-HMAC rather than AES-GCM because Java 17's AES-GCM runs at a fifth
	 * of the speed of AES-CTR and HMAC-SHA-256 (both intrinsics) on CPUs without AVX-512 (docs/benchmarks.md,
	 * Document encryption); both are AEADs Tink recommends.
	 */
	static final AeadParameters DATA_KEY = PredefinedAeadParameters.AES256_CTR_HMAC_SHA256;

	private final KeysetHandle keyset;

	private final Aead envelope;

	private DocumentEncryption(KeysetHandle keyset, Aead envelope) {
		this.keyset = keyset;
		this.envelope = envelope;
	}

	/** No key configured: documents are stored as uploaded, with no key id (the embedded default). */
	static DocumentEncryption none() {
		return NONE;
	}

	/** The KEK from a cleartext JSON keyset (Tink's JSON keyset format, as {@link DocumentKeysets} writes it). */
	static DocumentEncryption ofJson(String keysetJson) {
		return ofJson(keysetJson, DATA_KEY);
	}

	/** With other data keys: for the benchmark's comparison only. */
	static DocumentEncryption ofJson(String keysetJson, AeadParameters dataKey) {
		try {
			AeadConfig.register();
			KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
			Aead kek = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
			return new DocumentEncryption(keyset,
					KmsEnvelopeAead.create(dataKey, kek));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalStateException("The document keyset is not a Tink AEAD keyset in JSON format ("
					+ ex.getMessage() + "). Create one with DocumentKeysets (docs/documents.md).", ex);
		}
	}

	static DocumentEncryption ofFile(Path keysetFile) {
		String json;
		try {
			json = Files.readString(keysetFile);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The document keyset file " + keysetFile.toAbsolutePath()
					+ " cannot be read (mmp.documents.encryption.keyset-file): " + ex, ex);
		}
		return ofJson(json);
	}

	boolean enabled() {
		return keyset != null;
	}

	/** The id new documents are encrypted under: the keyset's primary key, as an unsigned number. */
	String primaryKeyId() {
		requireEnabled();
		return keyId(keyset.getPrimary().getId());
	}

	/** Whether the keyset holds the key with this id (one a document was encrypted under). */
	boolean holds(String keyId) {
		return enabled() && keyIds().contains(keyId);
	}

	Set<String> keyIds() {
		Set<String> ids = new HashSet<>();
		if (keyset != null) {
			for (int i = 0; i < keyset.size(); i++) {
				ids.add(keyId(keyset.getAt(i).getId()));
			}
		}
		return ids;
	}

	/**
	 * @param context bound to the ciphertext (the plaintext's SHA-256): a ciphertext moved to another document's
	 * row does not decrypt there
	 */
	Sealed encrypt(byte[] plaintext, byte[] context) {
		requireEnabled();
		try {
			return new Sealed(envelope.encrypt(plaintext, context), primaryKeyId());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a document", ex);
		}
	}

	/** @throws DocumentIntegrityException when the ciphertext was changed or was made under another key */
	byte[] decrypt(byte[] ciphertext, byte[] context, String what) {
		requireEnabled();
		try {
			return envelope.decrypt(ciphertext, context);
		}
		catch (GeneralSecurityException ex) {
			throw new DocumentIntegrityException(what + " cannot be decrypted: it was changed, or it was encrypted "
					+ "under a key this keyset does not hold", ex);
		}
	}

	/**
	 * Encrypts and decrypts a 1 KB buffer {@code rounds} times, checking each round trip. Why: Java's AES-CTR runs its
	 * many-blocks-at-once code (an intrinsic, about ten times faster here) only from code the JIT has compiled fully,
	 * which takes some thousands of calls; a document is one call, so without this the first thousands of uploads
	 * and previews after a start are encrypted at a tenth of the speed (docs/benchmarks.md, Document encryption).
	 * Nothing is stored.
	 * @return the rounds done
	 */
	int warmUp(int rounds) {
		requireEnabled();
		byte[] buffer = new byte[1024];
		byte[] context = "warm-up".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < rounds; i++) {
			buffer[i % buffer.length] = (byte) i;
			byte[] back = decrypt(encrypt(buffer, context).ciphertext(), context, "The warm-up buffer");
			if (!Arrays.equals(back, buffer)) {
				throw new IllegalStateException("The document keyset does not decrypt what it encrypts");
			}
		}
		return rounds;
	}

	private void requireEnabled() {
		if (keyset == null) {
			throw new IllegalStateException("No document encryption key is configured");
		}
	}

	static String keyId(int tinkKeyId) {
		return Integer.toUnsignedString(tinkKeyId);
	}

	record Sealed(byte[] ciphertext, String keyId) {
	}

}
