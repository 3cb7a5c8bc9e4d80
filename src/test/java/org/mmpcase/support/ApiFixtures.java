package org.mmpcase.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
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
		String email = (String) certification.get("email");
		String number = http.post("/api/provider/certifications", certification, CaseDriver.PROVIDER, "provider")
			.expect(201)
			.body()
			.get("applicationNumber")
			.asText();
		http.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", invitationCode(email), "password", password), null, null)
			.expect(204);
		return number;
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
