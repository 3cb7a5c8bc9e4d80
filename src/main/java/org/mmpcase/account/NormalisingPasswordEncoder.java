package org.mmpcase.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords may hold any characters, spaces and Unicode included (NIST 800-63B); they are NFKC-normalised before
 * hashing and before comparing, so that the same password typed on another keyboard (composed or decomposed
 * accents, full-width letters) still matches. ASCII passwords are unchanged by this, so older hashes keep working.
 */
public class NormalisingPasswordEncoder implements PasswordEncoder {

	private static final int BCRYPT_MAX_BYTES = 72;

	private final PasswordEncoder delegate;

	public NormalisingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	public static String normalise(CharSequence password) {
		return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/** What bcrypt gets: the normalised password, or its SHA-256 when it is longer than bcrypt reads. */
	static String prepare(CharSequence rawPassword) {
		String normalised = normalise(rawPassword);
		if (normalised == null) {
			return null;
		}
		byte[] bytes = normalised.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= BCRYPT_MAX_BYTES) {
			return normalised;
		}
		try {
			return "sha256:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(prepare(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return delegate.matches(prepare(rawPassword), encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

}
