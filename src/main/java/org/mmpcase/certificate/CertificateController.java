package org.mmpcase.certificate;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The holder sees (and prints) their certificate at any time. */
@RestController
class CertificateController {

	private final ApplicationAccess access;

	private final CertificateService certificates;

	private final CertificatePdf pdf;

	CertificateController(ApplicationAccess access, CertificateService certificates, CertificatePdf pdf) {
		this.access = access;
		this.certificates = certificates;
		this.pdf = pdf;
	}

	/** The current certificate as a PDF to print or show on a phone ("Print MMP Certificate"). */
	@GetMapping("/api/applications/{applicationNumber}/certificate.pdf")
	@Transactional(readOnly = true)
	ResponseEntity<?> certificatePdf(@PathVariable String applicationNumber, Principal principal) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		return certificates.latest(application)
			.<ResponseEntity<?>>map(registration -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename(pdf.filename(registration)).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf.render(registration)))
			.orElseGet(() -> notYet(applicationNumber));
	}

	@GetMapping("/api/applications/{applicationNumber}/certificate")
	@Transactional(readOnly = true)
	ResponseEntity<?> certificate(@PathVariable String applicationNumber, Principal principal) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		return certificates.latest(application)
			.<ResponseEntity<?>>map(registration -> ResponseEntity.ok(CertificateView.of(registration,
					certificates.today())))
			.orElseGet(() -> notYet(applicationNumber));
	}

	private static ResponseEntity<Map<String, Object>> notYet(String applicationNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.NOT_FOUND.value());
		body.put("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		body.put("message", "No certificate has been issued for application " + applicationNumber
				+ " yet. It is e-mailed to you once the application is approved.");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
	}

	record CertificateView(String registrationNumber, String holderName, String role, String dispensaryCode,
			Instant issuedAt, LocalDate expiresOn, String kind, String status, boolean valid) {

		static CertificateView of(Registration registration, LocalDate today) {
			return new CertificateView(registration.getRegistrationNumber(), registration.getHolder().getFullName(),
					registration.getRole().variableValue(), registration.getDispensaryCode(),
					registration.getIssuedAt(), registration.getExpiresOn(),
					registration.getKind().name().toLowerCase(Locale.ROOT),
					registration.standingOn(today).label(), registration.isValidOn(today));
		}

	}

}
