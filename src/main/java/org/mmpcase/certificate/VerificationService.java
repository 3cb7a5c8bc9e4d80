package org.mmpcase.certificate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a dispensary may learn about a registration number: whether it is valid, and if the number exists, the
 * holder's name, role and expiry. Nothing else (no address, no condition, no dispensary, no patient of a caregiver).
 */
@Service
class VerificationService {

	private static final Pattern NUMBER = Pattern.compile("MMP-[2-9A-Z]{4}-[2-9A-Z]{4}");

	private final RegistrationRepository registrations;

	private final CertificateService certificates;

	VerificationService(RegistrationRepository registrations, CertificateService certificates) {
		this.registrations = registrations;
		this.certificates = certificates;
	}

	/** The answer; name, role and expiry are null when the number is unknown. */
	record Verification(String status, String name, String role, LocalDate expiresOn) {

		static final String UNKNOWN = "unknown";

		static Verification unknown() {
			return new Verification(UNKNOWN, null, null, null);
		}

		boolean known() {
			return !UNKNOWN.equals(status);
		}

	}

	@Transactional(readOnly = true)
	Verification verify(String input) {
		return normalised(input).flatMap(registrations::findByRegistrationNumber)
			.map(this::answer)
			.orElseGet(Verification::unknown);
	}

	private Verification answer(Registration registration) {
		LocalDate today = certificates.today();
		return new Verification(registration.standingOn(today).label(), registration.getHolder().getFullName(),
				registration.getRole().variableValue(), registration.getExpiresOn());
	}

	/** Accepts what people type: lower case, spaces, no dashes. */
	static Optional<String> normalised(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String compact = input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (compact.length() != 11 || !compact.startsWith("MMP")) {
			return Optional.empty();
		}
		String number = "MMP-" + compact.substring(3, 7) + "-" + compact.substring(7);
		return NUMBER.matcher(number).matches() ? Optional.of(number) : Optional.empty();
	}

	/** What the log may show of a number: its last four characters. */
	static String masked(String input) {
		return normalised(input).map(number -> "MMP-****-" + number.substring(9)).orElse("(not a registration number)");
	}

}
