package org.mmpcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailRetryTests {

	@Test
	void repeatedWaitOrListOfWaits_accepted() {
		assertThat(new MailRetry("R5/PT5M").getCycle()).isEqualTo("R5/PT5M");
		assertThat(new MailRetry(" PT1M,PT10M, PT1H ").getCycle()).isEqualTo("PT1M,PT10M, PT1H");
	}

	@Test
	void typo_refusedAtStartUp_withTheSettingNamed() {
		assertThatThrownBy(() -> new MailRetry("R5/5 minutes")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mmp.mail.retry-cycle");
		assertThatThrownBy(() -> new MailRetry("PT1M,,PT5M")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MailRetry("")).isInstanceOf(IllegalArgumentException.class);
	}

}
