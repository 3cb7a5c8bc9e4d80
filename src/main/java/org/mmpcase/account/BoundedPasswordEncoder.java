package org.mmpcase.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most as many password hashes (bcrypt: about 100 ms of CPU each, on purpose) at once as there are cores; the
 * others wait their turn. Without the bound, a burst of sign-ins and activations (200 patients at once in the portal
 * benchmark) takes every core, and the requests that only need the database hold their connections several times
 * longer, until the pool's wait runs out and they fail with 503. With it, the burst queues for the CPU (holding no
 * connection: sign-in and activation hash outside any transaction) and everything else keeps a core.
 */
public class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	public BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes) {
		if (concurrentHashes < 1) {
			throw new IllegalArgumentException("concurrentHashes must be at least 1, not " + concurrentHashes);
		}
		this.delegate = delegate;
		this.permits = new Semaphore(concurrentHashes, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return bounded(() -> delegate.matches(rawPassword, encodedPassword));
	}

	private <T> T bounded(Supplier<T> hashing) {
		permits.acquireUninterruptibly();
		try {
			return hashing.get();
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

}
