package org.mmpcase.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.notification.MailTemplates;

/** The e-mails of a holder's change and of a registration the holder's action ended. */
class ChangeMailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	@Test
	void certificateReissued_saysWhatChanged_andTheSameNumber() {
		MailTemplates.Rendered mail = templates.render(RegistrationChangeProcess.MAIL_CERTIFICATE_REISSUED, model());

		assertThat(mail.subject()).isEqualTo(
				"Your Medical Marijuana Program certificate, issued again with your new address");
		assertThat(mail.body()).contains("Dear Pat Doe,", "(A-7KQ3-M9XT)", "Before:  12 Elm Street, Hartford 06106",
				"Now:     40 Oak Avenue, New Haven 06510", "MMP-7KQ3-M9XT", "March 14, 2027")
			.doesNotContain("{{");
	}

	@Test
	void changeDenied_statesTheReason_andThatNothingChanged() {
		MailTemplates.Rendered mail = templates.render(RegistrationChangeProcess.MAIL_CHANGE_DENIED, model());

		assertThat(mail.body()).contains("could not approve it", "Your registration keeps the",
				"We did not receive an acceptable proof of Connecticut residency.");
	}

	@Test
	void registrationEnded_opensWithWhy() {
		MailTemplates.Rendered mail = templates.render("registration-ended", model());

		assertThat(mail.subject()).contains("has ended");
		assertThat(mail.body()).startsWith("Dear Pat Doe,\n\nYou surrendered your registration.")
			.contains("Ended on:             March 1, 2026");
	}

	@Test
	void certificateReissued_withoutTheChange_isNotSent() {
		Map<String, String> model = model();
		model.remove("changedTo");

		assertThatThrownBy(() -> templates.render(RegistrationChangeProcess.MAIL_CERTIFICATE_REISSUED, model))
			.hasMessageContaining("{{changedTo}}");
	}

	private static Map<String, String> model() {
		Map<String, String> model = new HashMap<>();
		model.put("applicantName", "Pat Doe");
		model.put("applicationNumber", "A-7KQ3-M9XT");
		model.put("changeNumber", "A-7KQ3-M9XT");
		model.put("changeKind", "address");
		model.put("changedFrom", "12 Elm Street, Hartford 06106");
		model.put("changedTo", "40 Oak Avenue, New Haven 06510");
		model.put("registrationNumber", "MMP-7KQ3-M9XT");
		model.put("expiresOn", "March 14, 2027");
		model.put("dispensary", "Hartford dispensary, Hartford");
		model.put("certificatePdfUrl", "http://localhost:8080/api/applications/A-7KQ3-M9XT/certificate.pdf");
		model.put("verificationUrl", "http://localhost:8080/verify/MMP-7KQ3-M9XT");
		model.put("denialReason", "We did not receive an acceptable proof of Connecticut residency.");
		model.put("portalUrl", "http://localhost:8080");
		model.put("endedBecause", "You surrendered your registration.");
		model.put("endedOn", "March 1, 2026");
		return model;
	}

}
