package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A burst of password checks runs at most as many at once as the bound, and every one of them still answers. */
class BoundedPasswordEncoderTests {

	/** Stands in for bcrypt: takes a while, and records how many run at the same moment. */
	private static final class SlowEncoder implements PasswordEncoder {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		@Override
		public String encode(CharSequence rawPassword) {
			work();
			return "hash:" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			work();
			return encodedPassword.equals("hash:" + rawPassword);
		}

		private void work() {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(40);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				running.decrementAndGet();
			}
		}

	}

	@Test
	void burstOfTwelveSignIns_atMostTwoHashesAtOnce_everyAnswerRight() throws Exception {
		SlowEncoder slow = new SlowEncoder();
		PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
		ExecutorService clients = Executors.newFixedThreadPool(12);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				boolean right = i % 3 != 0;
				answers.add(clients.submit(() -> bounded.matches("violet lamp!", right ? "hash:violet lamp!" : "hash:x")));
			}
			answers.add(clients.submit(() -> bounded.encode("lantern orchard").equals("hash:lantern orchard")));
			int rightAnswers = 0;
			for (Future<Boolean> answer : answers) {
				rightAnswers += answer.get(10, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(rightAnswers).isEqualTo(9);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(slow.mostAtOnce.get()).isEqualTo(2);
		assertThat(slow.running.get()).isZero();
	}

	@Test
	void boundBelowOne_refusedAtStartUp() {
		assertThatThrownBy(() -> new BoundedPasswordEncoder(new SlowEncoder(), 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least 1");
	}

}
