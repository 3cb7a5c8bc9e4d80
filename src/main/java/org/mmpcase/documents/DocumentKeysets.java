package org.mmpcase.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Creates and rotates the document key-encryption keyset (a cleartext Tink JSON keyset: keep the file as a secret,
 * readable by the app's user only). From the built jar:
 * <pre>
 * java -cp mmp-case-manager.jar -Dloader.main=org.mmpcase.documents.DocumentKeysets \
 *     org.springframework.boot.loader.launch.PropertiesLauncher create /etc/mmp/document-keys.json
 * ... rotate /etc/mmp/document-keys.json   (adds a new AES-256-GCM key and makes it the primary; old keys stay)
 * </pre>
 */
public final class DocumentKeysets {

	private DocumentKeysets() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2 || !Set.of("create", "rotate").contains(args[0])) {
			System.err.println("usage: DocumentKeysets create|rotate KEYSET_FILE");
			System.exit(2);
		}
		Path file = Path.of(args[1]);
		if (args[0].equals("create")) {
			if (Files.exists(file)) {
				System.err.println(file + " exists: not overwritten (use rotate to add a key)");
				System.exit(1);
			}
			Files.writeString(file, create());
		}
		else {
			Files.writeString(file, rotate(Files.readString(file)));
		}
		System.out.println(args[0] + "d " + file + "; primary key id "
				+ DocumentEncryption.ofFile(file).primaryKeyId());
	}

	/** A new keyset with one AES-256-GCM key, as JSON. */
	static String create() {
		try {
			AeadConfig.register();
			return TinkJsonProtoKeysetFormat.serializeKeyset(
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The keyset with a new AES-256-GCM key as its primary; the earlier keys stay for the documents they wrap. */
	static String rotate(String keysetJson) {
		try {
			AeadConfig.register();
			KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
			KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
