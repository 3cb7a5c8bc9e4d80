package org.mmpcase.account;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the work behind "e-mail me a link" after the answer has gone: the answer is the same 202, just as fast,
 * whether the address has an account or not, so neither its content nor its timing tells which. A link that is
 * lost (the mail server was down, the node stopped) is asked for again by the person; nothing else depends on it.
 */
@Component
class AccountMailQueue {

	private static final Logger log = LoggerFactory.getLogger(AccountMailQueue.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "account-mails");
		thread.setDaemon(true);
		return thread;
	});

	void submit(String what, Runnable work) {
		executor.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("{} failed ({}); the person can ask again", what, ex.toString());
			}
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
