package org.mmpcase.certificate;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The verification page: plain, accessible HTML (labelled field, a result announced to screen readers, large type
 * for a phone at the counter); no scripts, no styles from elsewhere, nothing to load.
 */
@Component
class VerificationPage {

	private static final String HEAD = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="UTF-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<meta name="robots" content="noindex">
			<title>%s - Verify a Medical Marijuana Program registration</title>
			<style>
			body { font-family: Arial, Helvetica, sans-serif; font-size: 1.125rem; line-height: 1.5; max-width: 40rem;
			  margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; }
			input, button { font-size: 1.125rem; padding: .4rem; }
			.valid { color: #0b6b2b; } .invalid { color: #a40000; }
			dt { font-weight: bold; } dd { margin: 0 0 .5rem 0; }
			</style>
			</head>
			<body>
			<header><p>Connecticut Medical Marijuana Program</p><h1>Verify a registration</h1></header>
			<main>
			""";

	private static final String FORM = """
			<form method="get" action="/verify">
			<label for="number">Registration number (as on the certificate, e.g. MMP-7KQ3-M9XT)</label><br>
			<input id="number" name="number" required autocomplete="off" autocapitalize="characters"
			  pattern="[Mm][Mm][Pp]-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}">
			<button type="submit">Verify</button>
			</form>
			""";

	private static final String TAIL = """
			<p>Check the person's government-issued photo ID: the name must match.</p>
			</main>
			</body>
			</html>
			""";

	String form() {
		return HEAD.formatted("Verify") + FORM + TAIL;
	}

	String result(VerificationService.Verification verification) {
		StringBuilder html = new StringBuilder(HEAD.formatted(headline(verification.status())));
		html.append("<section role=\"status\" aria-live=\"polite\">\n");
		html.append("<h2 class=\"")
			.append("valid".equals(verification.status()) ? "valid" : "invalid")
			.append("\">")
			.append(headline(verification.status()))
			.append("</h2>\n");
		if (verification.known()) {
			html.append("<dl>\n")
				.append("<dt>Name</dt><dd>").append(HtmlUtils.htmlEscape(verification.name())).append("</dd>\n")
				.append("<dt>Role</dt><dd>").append(capitalised(verification.role())).append("</dd>\n")
				.append("<dt>Expires</dt><dd>").append(CertificatePdf.DATE.format(verification.expiresOn()))
				.append("</dd>\n</dl>\n");
		}
		html.append("</section>\n<h2>Verify another registration</h2>\n").append(FORM).append(TAIL);
		return html.toString();
	}

	String locked(Duration retryAfter) {
		long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		return HEAD.formatted("Too many look-ups") + "<section role=\"alert\"><h2 class=\"invalid\">Too many look-ups"
				+ "</h2><p>Too many unknown registration numbers were entered from this address. Try again in "
				+ minutes + (minutes == 1 ? " minute" : " minutes") + ".</p></section>\n" + TAIL;
	}

	static String headline(String status) {
		return switch (status) {
			case "valid" -> "Valid registration";
			case "expired" -> "Expired: not valid";
			case "revoked" -> "Revoked: not valid";
			case "suspended" -> "Suspended: not valid while the suspension lasts";
			case "ended" -> "Ended before its expiry: not valid";
			case "superseded" -> "Replaced by a newer registration: not valid; ask for the current certificate";
			default -> "Unknown registration number: not valid";
		};
	}

	private static String capitalised(String role) {
		return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
	}

}
