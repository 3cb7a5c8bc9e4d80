package org.mmpcase.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.notification.MailTemplates;

/** The e-mails of registration-sanction: the holder reads the reason and the dates, a caregiver only that theirs followed. */
class SanctionMailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	@Test
	void suspended_holder_readsReasonAndLastDay() {
		MailTemplates.Rendered mail = templates.render("registration-suspended", model("", "January 10, 2027"));

		assertThat(mail.subject()).isEqualTo("Your Medical Marijuana Program registration MMP-7KQ3-M9XT is suspended");
		assertThat(mail.body()).startsWith("Dear Pat Doe,")
			.contains("suspended your registration MMP-7KQ3-M9XT from December 10, 2026.")
			.contains("The suspension lasts until the end of January 10, 2027.")
			.contains("The reason:\nDiversion of cannabis to others")
			.doesNotContain("until the Department lifts it", "caregiver", "{{");
	}

	@Test
	void suspended_untilLifted_caregiver_readsThatTheirsFollows_notTheReason() {
		MailTemplates.Rendered mail = templates.render("registration-suspended", model("yes", ""));

		assertThat(mail.body()).contains("The suspension lasts until the Department lifts it.")
			.contains("follows the registration of the patient you care for, which was suspended")
			.doesNotContain("Diversion", "The reason:", "until the end of");
	}

	@Test
	void revoked_holder_readsTheReason() {
		MailTemplates.Rendered mail = templates.render("registration-revoked", model("", ""));

		assertThat(mail.subject()).isEqualTo("Your Medical Marijuana Program registration MMP-7KQ3-M9XT is revoked");
		assertThat(mail.body()).contains("revoked your registration MMP-7KQ3-M9XT from December 10, 2026.")
			.contains("cannot be renewed")
			.contains("The reason:\nDiversion of cannabis to others");
	}

	@Test
	void reinstated_liftedOrEnded_saysWhich() {
		Map<String, String> lifted = model("", "");
		lifted.put("lifted", "yes");
		assertThat(templates.render("registration-reinstated", lifted).body())
			.contains("lifted the suspension of your registration MMP-7KQ3-M9XT")
			.contains("valid again at your dispensary until March 14, 2027");
		assertThat(templates.render("registration-reinstated", model("", "January 10, 2027")).body())
			.contains("The suspension of your registration MMP-7KQ3-M9XT has ended.")
			.doesNotContain("lifted");
	}

	private static Map<String, String> model(String followsPatient, String lastDay) {
		Map<String, String> model = new HashMap<>();
		model.put("applicantName", "Pat Doe");
		model.put("registrationNumber", "MMP-7KQ3-M9XT");
		model.put("expiresOn", "March 14, 2027");
		model.put("sanctionReason", "Diversion of cannabis to others");
		model.put("effectiveOn", "December 10, 2026");
		model.put("lastDay", lastDay);
		model.put("followsPatient", followsPatient);
		model.put("lifted", "");
		return model;
	}

}
