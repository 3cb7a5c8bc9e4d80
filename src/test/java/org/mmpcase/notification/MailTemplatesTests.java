package org.mmpcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmpcase.review.DenialReason;

class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	@Test
	void certificate_subjectAndPlaceholdersFilled() {
		MailTemplates.Rendered mail = templates.render("certificate", model());

		assertThat(mail.subject()).isEqualTo("Approved: your Medical Marijuana Program certificate");
		assertThat(mail.body()).startsWith("Dear Pat Doe,")
			.contains("MMP-7KQ3-M9XT")
			.contains("March 14, 2027")
			.contains("http://localhost:8080/api/applications/A-7KQ3-M9XT/certificate.pdf")
			.doesNotContain("{{");
		assertThat(mail.html()).contains("<strong>approved</strong>").contains("MMP-7KQ3-M9XT").doesNotContain("{{");
	}

	@Test
	void htmlPart_escapesTheValues() {
		Map<String, String> model = model();
		model.put("applicantName", "Pat <b>Doe</b> & Co");
		MailTemplates.Rendered mail = templates.render("certificate", model);
		assertThat(mail.html()).contains("Pat &lt;b&gt;Doe&lt;/b&gt; &amp; Co");
		assertThat(mail.body()).contains("Pat <b>Doe</b> & Co");
	}

	@Test
	void paymentReceipt_amountCardDateReference_inTextAndHtml() {
		MailTemplates.Rendered mail = templates.render("payment-receipt", model());
		assertThat(mail.body()).contains("$100.00", "Visa ending in 4242", "March 14, 2026", "P-7KQ3");
		assertThat(mail.html()).contains("$100.00", "Visa ending in 4242", "March 14, 2026", "P-7KQ3");
	}

	@Test
	void templateWithoutHtml_isTextOnly() {
		assertThat(templates.render("denial", model()).html()).isNull();
	}

	@Test
	void denial_statesTheReason() {
		assertThat(templates.render("denial", model()).body())
			.contains(DenialReason.MISSING_RESIDENCY.applicantText())
			.contains("Connecticut residency");
	}

	@ParameterizedTest
	@ValueSource(strings = { "invitation", "caregiver-invitation", "certificate", "temporary-registration", "denial",
			"information-requested", "application-closed", "expiry-reminder", "payment-receipt", "password-reset",
			"caregiver-renewal-invitation", "caregiver-registration-ending" })
	void everyTemplate_rendersFromTheCaseModel(String template) {
		MailTemplates.Rendered mail = templates.render(template, model());
		assertThat(mail.subject()).isNotBlank().doesNotContain("{{");
		assertThat(mail.body()).doesNotContain("{{").contains("Pat Doe");
	}

	@Test
	void missingValue_fails() {
		Map<String, String> model = model();
		model.remove("registrationNumber");
		assertThatThrownBy(() -> templates.render("certificate", model))
			.hasMessageContaining("{{registrationNumber}}");
	}

	@Test
	void templateNameThatIsAPath_refused() {
		assertThatThrownBy(() -> templates.render("../application", model()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void valueWithDollarSign_insertedLiterally() {
		Map<String, String> model = model();
		model.put("informationRequest", "Pay $1 and send \\ a copy");
		assertThat(templates.render("information-requested", model).body()).contains("Pay $1 and send \\ a copy");
	}

	@Test
	void scriptAndQuotes_escapedInTheHtmlPart_notInTheSubjectOrText() {
		Map<String, String> model = model();
		model.put("expiresOn", "<script>alert(\"x\")</script> O'Neil");
		MailTemplates.Rendered mail = templates.render("expiry-reminder", model);

		assertThat(mail.html()).contains("expires on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil</title>")
			.doesNotContain("<script>")
			.doesNotContain("\"x\"");
		assertThat(mail.subject()).endsWith("expires on <script>alert(\"x\")</script> O'Neil");
		assertThat(mail.body()).contains("expires on <script>alert(\"x\")</script> O'Neil.");
	}

	@Test
	void tripleBraces_stillEscapedInTheHtmlPart() {
		MailTemplates mail = new MailTemplates(files(Map.of("note.txt", "Subject: Note\n\n{{{applicantName}}}\n",
				"note.html", "<p>{{{applicantName}}} {{&applicantName}}</p>")));
		Map<String, String> model = Map.of("applicantName", "<b>Pat</b>");

		assertThat(mail.render("note", model).html()).isEqualTo("<p>&lt;b&gt;Pat&lt;/b&gt; &lt;b&gt;Pat&lt;/b&gt;</p>");
		assertThat(mail.render("note", model).body()).isEqualTo("<b>Pat</b>\n");
	}

	@Test
	void missingValue_messageNamesTheFileAndLine() {
		Map<String, String> model = model();
		model.remove("registrationNumber");
		assertThatThrownBy(() -> templates.render("certificate", model)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Mail template certificate needs a value for {{registrationNumber}} (certificate.txt, line 8)");
	}

	@Test
	void nullValue_failsLikeAMissingOne() {
		Map<String, String> model = model();
		model.put("expiresOn", null);
		assertThatThrownBy(() -> templates.render("expiry-reminder", model))
			.hasMessage("Mail template expiry-reminder needs a value for {{expiresOn}} (expiry-reminder.txt, line 1)");
	}

	@Test
	void valueWithBraces_notExpanded() {
		Map<String, String> model = model();
		model.put("applicantName", "{{registrationNumber}} {{#email}}x{{/email}} {{>invitation}}");
		MailTemplates.Rendered mail = templates.render("certificate", model);

		assertThat(mail.body()).startsWith("Dear {{registrationNumber}} {{#email}}x{{/email}} {{>invitation}},");
		assertThat(mail.html()).contains("<p>Dear {{registrationNumber}} {{#email}}x{{/email}} {{&gt;invitation}},</p>");
	}

	@Test
	void section_lineShownOnlyWithAValue() {
		MailTemplates mail = new MailTemplates(files(Map.of("pickup.txt", """
				Subject: Your dispensary
				
				Dear {{applicantName}},
				{{#dispensary}}
				Your dispensary: {{dispensary}}
				{{/dispensary}}
				{{^dispensary}}
				Choose a dispensary in the portal.
				{{/dispensary}}
				Connecticut Medical Marijuana Program
				""")));

		assertThat(mail.render("pickup", Map.of("applicantName", "Pat", "dispensary", "Hartford")).body())
			.isEqualTo("Dear Pat,\nYour dispensary: Hartford\nConnecticut Medical Marijuana Program\n");
		assertThat(mail.render("pickup", Map.of("applicantName", "Pat", "dispensary", "")).body())
			.isEqualTo("Dear Pat,\nChoose a dispensary in the portal.\nConnecticut Medical Marijuana Program\n");
		assertThatThrownBy(() -> mail.render("pickup", Map.of("applicantName", "Pat")))
			.hasMessage("Mail template pickup needs a value for {{dispensary}} (pickup.txt, line 4)");
	}

	@Test
	void sectionNotClosed_templateRefusedWithWhere() {
		MailTemplates mail = new MailTemplates(
				files(Map.of("pickup.txt", "Subject: Pickup\n\nDear {{applicantName}},\n{{#dispensary}}\nYour dispensary\n")));
		assertThatThrownBy(() -> mail.render("pickup", Map.of("applicantName", "Pat", "dispensary", "Hartford")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("Mail template pickup.txt is not a valid template (in the body, whose line 1 is line 3")
			.hasMessageContaining("dispensary");
	}

	@Test
	void wholeModelPlaceholder_refused() {
		MailTemplates mail = new MailTemplates(files(Map.of("all.txt", "Subject: All\n\n{{.}}\n")));
		assertThatThrownBy(() -> mail.render("all", Map.of("invitationCode", "ABCD-EFGH")))
			.isInstanceOf(IllegalStateException.class)
			.message()
			.doesNotContain("ABCD-EFGH");
	}

	@Test
	void templates_readAndCompiledOnce() {
		List<String> reads = new ArrayList<>();
		Map<String, String> files = Map.of("note.txt", "Subject: Note for {{applicantName}}\n\nHello\n", "note.html",
				"<p>Hello</p>");
		MailTemplates mail = new MailTemplates(file -> {
			reads.add(file);
			return Optional.ofNullable(files.get(file));
		});

		mail.render("note", Map.of("applicantName", "Pat"));
		assertThat(mail.render("note", Map.of("applicantName", "Sam")).subject()).isEqualTo("Note for Sam");
		assertThat(reads).containsExactlyInAnyOrder("note.txt", "note.html");
	}

	private static java.util.function.Function<String, Optional<String>> files(Map<String, String> files) {
		return file -> Optional.ofNullable(files.get(file));
	}

	private static Map<String, String> model() {
		Map<String, String> model = new HashMap<>();
		model.put("applicantName", "Pat Doe");
		model.put("patientName", "Sam Doe");
		model.put("email", "pat@example.org");
		model.put("invitationCode", "ABCD-EFGH");
		model.put("applicationNumber", "A-7KQ3-M9XT");
		model.put("registrationNumber", "MMP-7KQ3-M9XT");
		model.put("expiresOn", "March 14, 2027");
		model.put("dispensary", "Hartford dispensary, Hartford");
		model.put("denialReason", DenialReason.MISSING_RESIDENCY.applicantText());
		model.put("informationRequest", "Please upload a utility bill dated within 90 days.");
		model.put("portalUrl", "http://localhost:8080");
		model.put("activationUrl", "http://localhost:8080/portal/activate?email=pat%40example.org&code=ABCD-EFGH");
		model.put("name", "Pat Doe");
		model.put("resetUrl", "http://localhost:8080/portal/reset-password?email=pat%40example.org&token=t0k3n");
		model.put("validity", "1 hour");
		model.put("statusUrl", "http://localhost:8080/api/applications/A-7KQ3-M9XT");
		model.put("certificateUrl", "http://localhost:8080/api/applications/A-7KQ3-M9XT/certificate");
		model.put("certificatePdfUrl", "http://localhost:8080/api/applications/A-7KQ3-M9XT/certificate.pdf");
		model.put("verificationUrl", "http://localhost:8080/verify/MMP-7KQ3-M9XT");
		model.put("renewalUrl", "http://localhost:8080/renew");
		model.put("paymentAmount", "$100.00");
		model.put("paymentCard", "Visa ending in 4242");
		model.put("paymentDate", "March 14, 2026");
		model.put("paymentReference", "P-7KQ3");
		model.put("caregiverName", "Casey Carer");
		model.put("caregiverRegistrationNumber", "MMP-CARE-2026");
		model.put("caregiverLastDay", "March 14, 2027");
		return model;
	}

}
