package org.mmpcase.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public verification for dispensaries, outside {@code /api} (which needs an account): a page a person uses, which
 * the certificate's QR code opens, and the same answer as JSON for a point-of-sale system. Every look-up is logged
 * with the number masked, the client address and the outcome, never a name. A client with too many unknown numbers
 * is locked out (429 with Retry-After).
 */
@RestController
class VerificationController {

	private static final Logger log = LoggerFactory.getLogger(VerificationController.class);

	private final VerificationService verifications;

	private final LookupLimiter limiter;

	private final VerificationPage page;

	VerificationController(VerificationService verifications, LookupLimiter limiter, VerificationPage page) {
		this.verifications = verifications;
		this.limiter = limiter;
		this.page = page;
	}

	@GetMapping(path = "/verify", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> form(@RequestParam(name = "number", required = false) String number,
			HttpServletRequest request) {
		if (number == null || number.isBlank()) {
			return html(HttpStatus.OK).body(page.form());
		}
		return verifyPage(number, request);
	}

	@GetMapping(path = "/verify/{number}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> verifyPage(@PathVariable String number, HttpServletRequest request) {
		Outcome outcome = lookUp(number, request.getRemoteAddr());
		if (outcome.locked()) {
			return html(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, outcome.retryAfterSeconds())
				.body(page.locked(outcome.retryAfter()));
		}
		return html(HttpStatus.OK).body(page.result(outcome.verification()));
	}

	@GetMapping(path = "/verify/api/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> verifyApi(@PathVariable String number, HttpServletRequest request) {
		Outcome outcome = lookUp(number, request.getRemoteAddr());
		if (outcome.locked()) {
			return noStore(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS))
				.header(HttpHeaders.RETRY_AFTER, outcome.retryAfterSeconds())
				.body(Map.of("status", "locked", "message",
						"Too many unknown registration numbers from this address. Try again later."));
		}
		return noStore(ResponseEntity.ok()).body(json(outcome.verification()));
	}

	/** Either the answer, or how long a locked-out client must wait. */
	private record Outcome(VerificationService.Verification verification, Duration retryAfter) {

		boolean locked() {
			return retryAfter != null;
		}

		String retryAfterSeconds() {
			return String.valueOf(Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0)));
		}

	}

	private Outcome lookUp(String number, String client) {
		String masked = VerificationService.masked(number);
		Optional<Duration> wait = limiter.lockedFor(client);
		if (wait.isPresent()) {
			log.info("Verification look-up of {} from {}: refused, client locked out", masked, client);
			return new Outcome(null, wait.get());
		}
		VerificationService.Verification verification = verifications.verify(number);
		log.info("Verification look-up of {} from {}: {}", masked, client, verification.status());
		if (!verification.known()) {
			LookupLimiter.Failure failure = limiter.count(client);
			if (failure == LookupLimiter.Failure.LOCKED_NOW) {
				log.warn("Verification: client {} locked out after too many unknown registration numbers", client);
			}
			else if (failure == LookupLimiter.Failure.ALREADY_LOCKED) {
				// locked by a concurrent look-up (on this node or another) after this one was let in: no answer
				Optional<Duration> locked = limiter.lockedFor(client);
				if (locked.isPresent()) {
					log.info("Verification look-up of {} from {}: refused, client locked out meanwhile", masked, client);
					return new Outcome(null, locked.get());
				}
			}
		}
		return new Outcome(verification, null);
	}

	private static Map<String, Object> json(VerificationService.Verification verification) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", verification.status());
		if (verification.known()) {
			body.put("name", verification.name());
			body.put("role", verification.role());
			body.put("expiresOn", verification.expiresOn());
		}
		return body;
	}

	private static ResponseEntity.BodyBuilder html(HttpStatus status) {
		return noStore(ResponseEntity.status(status))
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
	}

	private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
		return builder.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex")
			.header("Referrer-Policy", "no-referrer");
	}

}
