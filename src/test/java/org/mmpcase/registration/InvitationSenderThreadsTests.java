package org.mmpcase.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** As in production: the first try of an invitation runs on a sender thread once the certification has committed. */
@TestPropertySource(properties = "mmp.mail.invitation-senders=2")
class InvitationSenderThreadsTests extends ProcessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void certification_invitationSentOnASenderThread_onceAndClosed() {
		Application application = driver.certify();
		String email = application.getApplicant().getEmail();

		await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(email).size() == 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "SENT".equals(jdbc.queryForObject(
					"select outcome from pending_invitation where application_id = ?", String.class,
					application.getId())));
		assertThat(Mails.subject(Mails.lastTo(email))).contains("Activate");
		assertThat(Mails.to(email)).hasSize(1);
	}

}
