package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An invitation e-mail the mail server refused is owed, not lost: the sweep sends it, once, with a working code. */
class InvitationMailScenarioTests extends ProcessTest {

	@Autowired
	InvitationMailer mailer;

	@Autowired
	InvitationService invitationService;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void certification_mailServerUp_invitationSentAtOnceAndClosed() {
		Application application = driver.certify();
		String email = application.getApplicant().getEmail();

		assertThat(Mails.to(email)).hasSize(1);
		assertThat(invitation(application)).containsEntry("outcome", "SENT").containsEntry("attempts", 0);
		assertThat(mailer.sendOwed()).isZero();
	}

	@Test
	void certification_mailServerDown_invitationSentByTheSweepOnceItIsBack() {
		Application application = Mails.whileServerDown(mailSender, () -> {
			Application certified = driver.certify();
			assertThat(Mails.to(certified.getApplicant().getEmail())).isEmpty();
			assertThat(invitation(certified)).containsEntry("outcome", null).containsEntry("attempts", 1);
			assertThat(mailer.sendOwed()).as("the next try waits").isZero();

			makeDue(certified);
			assertThat(mailer.sendOwed()).isZero();
			assertThat(invitation(certified)).containsEntry("outcome", null).containsEntry("attempts", 2);
			assertThat(mailer.sendOwed()).as("the next try waits longer").isZero();
			return certified;
		});
		String email = application.getApplicant().getEmail();
		assertThat(mailer.sendOwed()).as("not due yet").isZero();
		assertThat(Mails.to(email)).isEmpty();

		makeDue(application);
		assertThat(mailer.sendOwed()).isEqualTo(1);
		makeDue(application);
		assertThat(mailer.sendOwed()).isZero();

		assertThat(Mails.to(email)).hasSize(1);
		assertThat(invitation(application)).containsEntry("outcome", "SENT");
		invitationService.activate(email, ApiFixtures.invitationCode(email), "a long walk by the river");
		assertThat(accounts.findByUsername(email)).get().extracting(account -> account.isActivated()).isEqualTo(true);
	}

	@Test
	void owedInvitation_providerSendsANewOne_onlyTheNewOneIsOwed() {
		Application application = Mails.whileServerDown(mailSender, driver::certify);
		String email = application.getApplicant().getEmail();
		assertThat(Mails.to(email)).isEmpty();

		driver.reinvite(application);

		assertThat(Mails.to(email)).hasSize(1);
		assertThat(jdbc.queryForList("select outcome from pending_invitation where application_id = ? order by id",
				String.class, application.getId()))
			.containsExactly("SUPERSEDED", "SENT");
		makeDue(application);
		assertThat(mailer.sendOwed()).isZero();
		assertThat(Mails.to(email)).hasSize(1);
	}

	private Map<String, Object> invitation(Application application) {
		return jdbc.queryForMap("select outcome, attempts from pending_invitation where application_id = ?",
				application.getId());
	}

	/** As if the wait before the next try had passed. */
	private void makeDue(Application application) {
		jdbc.update("update pending_invitation set next_attempt_at = next_attempt_at - interval '1 day' "
				+ "where application_id = ?", application.getId());
	}

}
