package org.mmpcase.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestFiles;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole registration over HTTP (provider, patient, a refused upload, reviewer, certificate e-mail by the job
 * executor) with every log line captured: none holds the patient's name, e-mail address, date of birth, street,
 * condition, document text or file names; the lines of the case carry its application number as
 * {@code businessKey}, from request threads and from the job executor alike.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT extends OperationsHttpTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Test
	void fullRegistration_logsCarryTheApplicationNumber_neverThePatient(CapturedOutput output) {
		Http http = new Http(port);
		String email = "quillon.marchbanks-" + System.nanoTime() + "@example.net";
		// names no other test uses, so that finding them in the logs can only mean this patient's data leaked
		Map<String, Object> certification = ApiFixtures.certification(email);
		certification.put("firstName", "Quillon");
		certification.put("lastName", "Marchbanks");
		certification.put("dateOfBirth", "1961-09-23");
		certification.put("street", "77 Thistlewood Lane");
		certification.put("qualifyingCondition", "Ehlers-Danlos syndrome");
		String number = ApiFixtures.activatedPatient(http, certification, PASSWORD);

		String base = "/api/applications/" + number;
		step(http, base, email, "Task_ConfirmProfile", Map.of("profileConfirmed", true));
		step(http, base, email, "Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-HARTFORD"));
		step(http, base, email, "Task_ChooseDocumentTypes",
				Map.of("identityDocumentType", "passport", "residencyDocumentType", "lease"));
		http.upload(base + "/documents", Map.of("category", "residency"), "marchbanks-medical-notes.html",
				"<html><body>Marchbanks clinical notes</body></html>".getBytes(), email, PASSWORD).expect(400);
		http.upload(base + "/documents", Map.of("category", "identity"), "marchbanks-passport.png", TestFiles.png(),
				email, PASSWORD).expect(201);
		http.upload(base + "/documents", Map.of("category", "residency"), "marchbanks-lease.pdf",
				TestFiles.pdf("Lease of Quillon Marchbanks, 77 Thistlewood Lane, rent 1450 dollars, clause 7731"),
				email, PASSWORD).expect(201);
		step(http, base, email, "Task_UploadDocuments", Map.of());
		Map<String, Object> attestations = ApiFixtures.allAttestations();
		step(http, base, email, "Task_SignAttestations", attestations);
		http.get(base, email, PASSWORD).expect(200);

		String taskId = http.get("/engine-rest/task?candidateGroup=reviewers&processInstanceBusinessKey=" + number,
				"reviewer", "reviewer").expect(200).body().get(0).get("id").asText();
		http.post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("reviewDecision", Map.of("value", "approve"))), "reviewer", "reviewer")
			.expect(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Mails.to(email).stream().anyMatch(mail -> Mails.subject(mail).contains("certificate")));
		// the job executor logs the certificate e-mail after the SMTP server took it
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("certificate of application " + number));
		http.get(base + "/certificate", email, PASSWORD).expect(200);

		String logs = output.getAll();
		assertThat(logs.toLowerCase()).as("personal and health data in the logs")
			.doesNotContain("quillon", "marchbanks", email.toLowerCase(), "1961-09-23", "09/23/1961", "thistlewood",
					"ehlers-danlos", "clause 7731", "clinical notes", "passport.png", "lease.pdf", "notes.html");

		List<JsonNode> lines = new ArrayList<>();
		for (String line : logs.split("\\R")) {
			if (line.startsWith("{")) {
				lines.add(read(line));
			}
		}
		List<JsonNode> ofTheCase = lines.stream()
			.filter(line -> line.path("message").asText().contains(number))
			.toList();
		assertThat(ofTheCase).as("log lines that name the case").hasSizeGreaterThan(3);
		assertThat(ofTheCase).allSatisfy(line -> assertThat(line.path("businessKey").asText())
			.as("businessKey of: " + line.path("message").asText())
			.isEqualTo(number));
		List<JsonNode> mails = lines.stream()
			.filter(line -> line.path("log").path("logger").asText().equals("org.mmpcase.notification.MailService"))
			.toList();
		assertThat(mails).as("invitation and certificate e-mails").hasSizeGreaterThanOrEqualTo(2);
		assertThat(mails).allSatisfy(line -> assertThat(line.path("businessKey").asText()).isEqualTo(number));
		List<String> threads = lines.stream()
			.filter(line -> number.equals(line.path("businessKey").asText()))
			.map(line -> line.path("process").path("thread").path("name").asText())
			.distinct()
			.toList();
		assertThat(threads).as("threads that logged with the business key")
			.anyMatch(thread -> thread.startsWith("http-nio"))
			.anyMatch(thread -> thread.startsWith("camundaTaskExecutor"));
	}

	private static void step(Http http, String base, String email, String step, Map<String, Object> values) {
		http.post(base + "/current-step?step=" + step, values, email, PASSWORD).expect(200);
	}

	private static JsonNode read(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (Exception ex) {
			throw new AssertionError("not a JSON log line: " + line, ex);
		}
	}

}
