package org.mmpcase.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestFiles;
import org.mmpcase.support.TestMailServer;

/**
 * One patient working through an initial registration over HTTP, as the portal does: the provider certifies, the
 * patient activates the account with the code from the e-mail and completes every step (with both uploads), then
 * looks at the status page. Each request is timed by its type; an unexpected status or a failed request is an error.
 * With a session (as the browser portal works: one password check at sign-in, then the session cookie and the CSRF
 * token) the patient needs an {@link Http} of its own, for its cookies; without, every request sends the password
 * (HTTP Basic, an API client).
 */
final class PortalPatient {

	static final String PATIENT_PASSWORD = "correct-horse-battery";

	private static final String PROVIDER_PASSWORD = "provider";

	private static final Pattern CODE = Pattern.compile("activation code:\\s+(\\S+)");

	/** Request timings (ms) by request type, and the errors, shared by every patient of a run. */
	static final class Recorder {

		final Map<String, List<Double>> timings = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

		Http.Response timed(String type, int expected, java.util.function.Supplier<Http.Response> request) {
			long start = System.nanoTime();
			Http.Response response;
			try {
				response = request.get();
			}
			catch (RuntimeException ex) {
				errors.add(type + ": " + ex);
				throw ex;
			}
			timings.computeIfAbsent(type, key -> new CopyOnWriteArrayList<>())
				.add((System.nanoTime() - start) / 1e6);
			if (response.status() != expected) {
				String message = type + ": HTTP " + response.status() + " " + response.raw();
				errors.add(message);
				throw new IllegalStateException(message);
			}
			return response;
		}

	}

	private final Http http;

	private final Recorder recorder;

	private final boolean session;

	final String email;

	String applicationNumber;

	/** The residency proof uploaded by {@link #works()}: a one-page text PDF unless {@link #residency} gave another. */
	private String residencyName = "lease.pdf";

	private byte[] residencyContent;

	PortalPatient(Http http, Recorder recorder, String who) {
		this(http, recorder, who, false);
	}

	PortalPatient(Http http, Recorder recorder, String who, boolean session) {
		this.http = http;
		this.recorder = recorder;
		this.session = session;
		this.email = CaseDriver.uniqueEmail(who);
	}

	/** A patient registered earlier (by a run that left its database), signed in with a session. */
	static PortalPatient signedIn(Http http, Recorder recorder, String email, String applicationNumber) {
		PortalPatient patient = new PortalPatient(http, recorder, email, applicationNumber);
		recorder.timed("POST session (sign in)", 200, () -> http.post("/api/session",
				Map.of("email", email, "password", PATIENT_PASSWORD), null, null));
		return patient;
	}

	private PortalPatient(Http http, Recorder recorder, String email, String applicationNumber) {
		this.http = http;
		this.recorder = recorder;
		this.session = true;
		this.email = email;
		this.applicationNumber = applicationNumber;
	}

	/** The patient's credentials for a request: none with a session (its cookie goes instead). */
	private String user() {
		return session ? null : email;
	}

	private String password() {
		return session ? null : PATIENT_PASSWORD;
	}

	/** Uploads this file as the residency proof (a scanned PDF, say) instead of the small text PDF. */
	PortalPatient residency(String fileName, byte[] content) {
		this.residencyName = fileName;
		this.residencyContent = content;
		return this;
	}

	/** Certified, activated, every step done: the application is submitted and waits for a reviewer. */
	PortalPatient register() {
		return certified().works();
	}

	/** The provider's part: the certification, which starts the case and invites the patient. */
	PortalPatient certified() {
		return certifiedBy(recorder);
	}

	/** The same, timed by {@code providers} rather than with the patient's requests. */
	PortalPatient certifiedBy(Recorder providers) {
		applicationNumber = providers.timed("POST provider/certifications", 201,
				() -> http.post("/api/provider/certifications", ApiFixtures.certification(email), CaseDriver.PROVIDER,
						PROVIDER_PASSWORD))
			.body()
			.get("applicationNumber")
			.asText();
		return this;
	}

	/** The patient's part, once certified: activation, sign-in, every step, the status page. */
	PortalPatient works() {
		String code = invitationCode();
		recorder.timed("POST accounts/activate", 204, () -> http.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", code, "password", PATIENT_PASSWORD), null, null));
		if (session) {
			recorder.timed("POST session (sign in)", 200, () -> http.post("/api/session",
					Map.of("email", email, "password", PATIENT_PASSWORD), null, null));
		}
		status();
		step("Task_ConfirmProfile", Map.of("profileConfirmed", true));
		step("Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-NEWHAVEN"));
		step("Task_ChooseDocumentTypes", Map.of("identityDocumentType", "passport", "residencyDocumentType", "lease"));
		recorder.timed("POST documents (upload)", 201,
				() -> http.upload(base() + "/documents", Map.of("category", "identity"), "passport.png",
						TestFiles.png(), user(), password()));
		recorder.timed("POST documents (upload)", 201,
				() -> http.upload(base() + "/documents", Map.of("category", "residency"), residencyName,
						residencyContent != null ? residencyContent : TestFiles.pdf("Lease 12 Elm Street"), user(),
						password()));
		step("Task_UploadDocuments", Map.of());
		Map<String, Object> attestations = ApiFixtures.allAttestations();
		String submitted = step("Task_SignAttestations", attestations).body().get("status").asText();
		if (!"SUBMITTED".equals(submitted)) {
			recorder.errors.add(applicationNumber + " not submitted: " + submitted);
		}
		status();
		return this;
	}

	Http.Response status() {
		return recorder.timed("GET applications/{no} (status page)", 200,
				() -> http.get(base(), user(), password()));
	}

	private Http.Response step(String step, Map<String, Object> values) {
		return recorder.timed("POST applications/{no}/current-step", 200,
				() -> http.post(base() + "/current-step?step=" + step, values, user(), password()));
	}

	private String base() {
		return "/api/applications/" + applicationNumber;
	}

	/** The code from the invitation e-mail (GreenMail); not an application request, so not timed. */
	private String invitationCode() {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			MimeMessage[] messages = TestMailServer.get().getReceivedMessages();
			for (int i = messages.length - 1; i >= 0; i--) {
				MimeMessage message = messages[i];
				if (recipients(message).contains(email)) {
					Matcher matcher = CODE.matcher(Mails.text(message));
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		recorder.errors.add("no invitation e-mail to " + email + " within 3 minutes");
		throw new IllegalStateException("no invitation for " + email);
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

}
