package org.mmpcase.account;

import java.text.Normalizer;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords may hold any characters, spaces and Unicode included (NIST 800-63B); they are NFKC-normalised before
 * hashing and before comparing, so that the same password typed on another keyboard (composed or decomposed
 * accents, full-width letters) still matches. ASCII passwords are unchanged by this, so older hashes keep working.
 */
public class NormalisingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	public NormalisingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	public static String normalise(CharSequence password) {
		return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(normalise(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return delegate.matches(normalise(rawPassword), encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

}
