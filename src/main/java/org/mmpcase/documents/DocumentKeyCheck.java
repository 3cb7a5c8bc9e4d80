package org.mmpcase.documents;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start, before the app serves anyone: the configured key reads what is stored, or the app does not start. It
 * stops when documents are encrypted but no key is configured, when the keyset lacks a key that documents are
 * encrypted under, and when a key of the keyset does not decrypt the check value written under its id (same ids,
 * other key material). A store that can be only half read is never served. Runs after Flyway (all singletons are
 * made by then).
 */
@Component
class DocumentKeyCheck implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DocumentKeyCheck.class);

	static final String SETTING = "mmp.documents.encryption.keyset-file (MMP_DOCUMENT_KEYSET_FILE)";

	private static final byte[] CANARY = "MMP Case Manager document key check".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CANARY_CONTEXT = "document_key_canary".getBytes(StandardCharsets.US_ASCII);

	private final JdbcTemplate jdbc;

	private final DocumentEncryption encryption;

	private final Clock clock;

	/** Boot makes a {@link JdbcTemplate} only after Flyway: the schema is there. */
	DocumentKeyCheck(JdbcTemplate jdbc, DocumentEncryption encryption, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		check();
	}

	void check() {
		Set<String> used = new TreeSet<>(
				jdbc.queryForList("select distinct key_id from document where key_id is not null", String.class));
		if (!encryption.enabled()) {
			if (!used.isEmpty()) {
				throw new IllegalStateException("Documents are stored encrypted (key ids " + used
						+ ") but no document key is configured: set " + SETTING
						+ " to the keyset they were written with. Not starting with documents it cannot read.");
			}
			return;
		}
		Set<String> held = new TreeSet<>(encryption.keyIds());
		Set<String> missing = new TreeSet<>(used);
		missing.removeAll(held);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The document keyset " + describe() + " lacks key ids " + missing
					+ " that stored documents are encrypted under (it holds " + held + "): wrong keyset, or a key "
					+ "removed while documents still use it. Not starting with documents it cannot read.");
		}
		boolean primaryChecked = false;
		for (Map<String, Object> row : jdbc.queryForList("select key_id, ciphertext from document_key_canary")) {
			String keyId = (String) row.get("key_id");
			if (!held.contains(keyId)) {
				// a retired key that no document uses any more
				continue;
			}
			byte[] ciphertext = Base64.getDecoder().decode((String) row.get("ciphertext"));
			byte[] plaintext;
			try {
				plaintext = encryption.decrypt(ciphertext, CANARY_CONTEXT, "The key check value");
			}
			catch (DocumentIntegrityException ex) {
				plaintext = null;
			}
			if (plaintext == null || !Arrays.equals(plaintext, CANARY)) {
				throw new IllegalStateException("The document keyset " + describe() + " holds key id " + keyId
						+ " but not the key that was stored under that id: the check value written with it does not "
						+ "decrypt. Wrong keyset (" + SETTING + ")? Not starting with documents it cannot read.");
			}
			primaryChecked |= keyId.equals(encryption.primaryKeyId());
		}
		if (!primaryChecked) {
			writeCanary();
		}
		log.info("Document encryption on: keyset {} with key ids {}, primary {}; {} key ids in use by documents",
				describe(), held, encryption.primaryKeyId(), used.size());
	}

	private void writeCanary() {
		DocumentEncryption.Sealed sealed = encryption.encrypt(CANARY, CANARY_CONTEXT);
		try {
			jdbc.update("insert into document_key_canary (key_id, ciphertext, created_at) values (?, ?, ?)",
					sealed.keyId(), Base64.getEncoder().encodeToString(sealed.ciphertext()),
					Timestamp.from(clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			// another node starting with the same key wrote it first; it is checked at the next start
		}
	}

	private String describe() {
		return "(primary key id " + encryption.primaryKeyId() + ")";
	}

	/** For tests: the key ids with a check value. */
	List<String> canaryKeyIds() {
		return jdbc.queryForList("select key_id from document_key_canary order by key_id", String.class);
	}

}
