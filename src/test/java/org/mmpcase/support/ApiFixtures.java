package org.mmpcase.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmpcase.registration.CaseVariables;

/** Request bodies and e-mail contents the HTTP end-to-end tests share. */
public final class ApiFixtures {

	private ApiFixtures() {
	}

	/** The activation code from the last invitation e-mail to {@code email}. */
	public static String invitationCode(String email) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !Mails.to(email).isEmpty());
		Matcher matcher = Pattern.compile("activation code:\\s+(\\S+)").matcher(Mails.text(Mails.lastTo(email)));
		assertThat(matcher.find()).as("activation code in the invitation").isTrue();
		return matcher.group(1);
	}

	/** The attestation step's values with every attestation agreed ({@link CaseVariables#ATTESTATIONS}). */
	public static Map<String, Object> allAttestations() {
		Map<String, Object> values = new HashMap<>();
		CaseVariables.ATTESTATIONS.forEach(attestation -> values.put(attestation, true));
		return values;
	}

	/**
	 * Over HTTP: the demo provider certifies the patient of {@code certification} (see {@link #certification}),
	 * who activates the account with the code from the invitation e-mail and {@code password}.
	 *
	 * @return the application number
	 */
	public static String activatedPatient(Http http, Map<String, Object> certification, String password) {
		return activatedPatient(http, http, certification, password);
	}

	/**
	 * As {@link #activatedPatient(Http, Map, String)}, the certification through {@code certifying} and the
	 * activation through {@code activating} (two nodes, say).
	 */
	public static String activatedPatient(Http certifying, Http activating, Map<String, Object> certification,
			String password) {
		String email = (String) certification.get("email");
		String number = certifying.post("/api/provider/certifications", certification, CaseDriver.PROVIDER, "provider")
			.expect(201)
			.body()
			.get("applicationNumber")
			.asText();
		activating.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", invitationCode(email), "password", password), null, null)
			.expect(204);
		return number;
	}

	/**
	 * The values a patient submits at {@code step} of the initial registration: profile confirmed, DSP-STAMFORD, a
	 * passport and a lease, every attestation, a Stripe test card (4242...) valid two more years.
	 */
	public static Map<String, Object> stepValues(String step) {
		return switch (step) {
			case "Task_ConfirmProfile" -> Map.of(CaseVariables.PROFILE_CONFIRMED, true);
			case "Task_ChooseDispensary" -> Map.of(CaseVariables.DISPENSARY_CODE, "DSP-STAMFORD");
			case "Task_ChooseDocumentTypes" -> Map.of(CaseVariables.IDENTITY_DOCUMENT_TYPE, "passport",
					CaseVariables.RESIDENCY_DOCUMENT_TYPE, "lease");
			case "Task_UploadDocuments" -> Map.of();
			case "Task_SignAttestations" -> allAttestations();
			case "Task_EnterPayment" -> Map.of("cardholderName", "Jordan Rivera", "cardNumber", "4242424242424242",
					"cardExpiry", YearMonth.now().plusYears(2).format(DateTimeFormatter.ofPattern("MM/yy")), "cardCvc",
					"123");
			default -> throw new AssertionError("unexpected step " + step);
		};
	}

	/** A provider's certification of a patient with this e-mail address, as JSON fields. */
	public static Map<String, Object> certification(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("firstName", "Jordan");
		body.put("lastName", "Rivera");
		body.put("dateOfBirth", "1980-05-17");
		body.put("email", email);
		body.put("street", "12 Elm Street");
		body.put("city", "Hartford");
		body.put("zip", "06106");
		body.put("qualifyingCondition", "Chronic pain");
		body.put("certificationDate", LocalDate.now().minusDays(2).toString());
		body.put("termMonths", 12);
		body.put("caregiverNeeded", false);
		return body;
	}

}
