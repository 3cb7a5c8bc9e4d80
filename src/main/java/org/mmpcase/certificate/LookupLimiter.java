package org.mmpcase.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed verification look-ups per client and locks a client out after too many: guessing registration
 * numbers must not be a way to list the registry. In memory, per node: with several nodes behind a load balancer
 * a client gets at most that many times the attempts, still far too few to guess in a space of 31^8 numbers.
 */
@Component
class LookupLimiter {

	private final VerificationProperties properties;

	private final Clock clock;

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	LookupLimiter(VerificationProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long the client must still wait, if it is locked out. */
	Optional<Duration> lockedFor(String client) {
		Client state = clients.get(client);
		if (state == null) {
			return Optional.empty();
		}
		synchronized (state) {
			Instant now = clock.instant();
			if (state.lockedUntil != null && now.isBefore(state.lockedUntil)) {
				return Optional.of(Duration.between(now, state.lockedUntil));
			}
			return Optional.empty();
		}
	}

	/** Records a failed look-up; returns whether the client is locked out from now on. */
	boolean failed(String client) {
		if (clients.size() >= properties.maxTrackedClients()) {
			forgetQuietClients();
		}
		Client state = clients.computeIfAbsent(client, key -> new Client());
		synchronized (state) {
			Instant now = clock.instant();
			state.failures.addLast(now);
			while (!state.failures.isEmpty() && !state.failures.peekFirst().isAfter(now.minus(properties.failureWindow()))) {
				state.failures.removeFirst();
			}
			if (state.failures.size() >= properties.maxFailures()) {
				state.lockedUntil = now.plus(properties.lockout());
				state.failures.clear();
				return true;
			}
			return false;
		}
	}

	private void forgetQuietClients() {
		Instant horizon = clock.instant().minus(properties.failureWindow().plus(properties.lockout()));
		clients.entrySet().removeIf(entry -> {
			synchronized (entry.getValue()) {
				Instant last = entry.getValue().failures.peekLast();
				Instant locked = entry.getValue().lockedUntil;
				return (last == null || last.isBefore(horizon)) && (locked == null || locked.isBefore(clock.instant()));
			}
		});
	}

	private static final class Client {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil;

	}

}
