package org.mmpcase.notification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.dispensary.Dispensary;
import org.mmpcase.dispensary.DispensaryRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.review.DenialReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails a case sends to its applicant: the model comes from the case (never its health data), and each is
 * sent once per dedup key.
 */
@Service
public class CaseMailService {

	private static final Logger log = LoggerFactory.getLogger(CaseMailService.class);

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final MailService mail;

	private final SentEmailRepository sentEmails;

	private final RegistrationRepository registrations;

	private final DispensaryRepository dispensaries;

	private final CertificatePdf certificatePdf;

	private final MailProperties properties;

	private final String publicUrl;

	private final Clock clock;

	CaseMailService(MailService mail, SentEmailRepository sentEmails, RegistrationRepository registrations,
			DispensaryRepository dispensaries, CertificatePdf certificatePdf, MailProperties properties,
			@Value("${mmp.public-url}") String publicUrl, Clock clock) {
		this.mail = mail;
		this.sentEmails = sentEmails;
		this.registrations = registrations;
		this.dispensaries = dispensaries;
		this.certificatePdf = certificatePdf;
		this.properties = properties;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	/**
	 * Sends {@code template} to the applicant unless an e-mail with this dedup key went out already. The record of
	 * the send joins the caller's transaction.
	 * @param variables the process values the templates may use: denial reason, information request, fee
	 * @return whether it was sent now
	 */
	@Transactional
	public boolean send(String template, Application application, CaseValues variables, String dedupKey) {
		return send(template, application, variables, dedupKey, Map.of());
	}

	/** As {@link #send(String, Application, CaseValues, String)}, with more values for the template. */
	@Transactional
	public boolean send(String template, Application application, CaseValues variables, String dedupKey,
			Map<String, String> extra) {
		String key = fitted(dedupKey);
		if (sentEmails.existsByDedupKey(key)) {
			log.info("E-mail {} of application {} was sent before; not sending again", template,
					application.getApplicationNumber());
			return false;
		}
		String to = application.getApplicant().getEmail();
		Map<String, String> model = model(application, variables);
		model.putAll(extra);
		mail.sendTemplate(template, to, model, attachments(template, application));
		sentEmails.save(new SentEmail(key, application, template, to, clock.instant()));
		log.info("E-mail {} of application {} sent", template, application.getApplicationNumber());
		return true;
	}

	/**
	 * The templates listed in {@code mmp.mail.certificate-attached-to} carry the PDF of the application's latest
	 * registration: the certificate, or the temporary registration of a renewal.
	 */
	private List<MailService.Attachment> attachments(String template, Application application) {
		if (!properties.certificateAttachedTo().contains(template)) {
			return List.of();
		}
		Registration registration = registrations.findByApplicationOrderByIssuedAtDesc(application)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("E-mail " + template + " of application "
					+ application.getApplicationNumber() + " needs a registration, and none is issued"));
		return List.of(new MailService.Attachment(certificatePdf.filename(registration), "application/pdf",
				certificatePdf.render(registration)));
	}

	/** The values of the process the e-mails use; any may be null. */
	public record CaseValues(String denialReason, String informationRequest, Object fee) {
	}

	Map<String, String> model(Application application, CaseValues variables) {
		Map<String, String> model = new HashMap<>();
		String number = application.getApplicationNumber();
		model.put("applicantName", application.getApplicant().getFullName());
		model.put("patientName", application.getPatient().getFullName());
		model.put("applicationNumber", number);
		model.put("portalUrl", publicUrl);
		model.put("statusUrl", publicUrl + "/api/applications/" + number);
		model.put("certificateUrl", publicUrl + "/api/applications/" + number + "/certificate");
		model.put("renewalUrl", properties.renewalUrl() != null && !properties.renewalUrl().isBlank()
				? properties.renewalUrl() : publicUrl + "/renew");
		model.put("certificatePdfUrl", publicUrl + "/api/applications/" + number + "/certificate.pdf");
		model.put("expiresOn", DATE.format(application.getCertification().getExpiresOn()));
		registrations.findByApplicationOrderByIssuedAtDesc(application).stream().findFirst().ifPresent(registration -> {
			model.put("registrationNumber", registration.getRegistrationNumber());
			model.put("expiresOn", DATE.format(registration.getExpiresOn()));
			model.put("verificationUrl", certificatePdf.verificationUrl(registration.getRegistrationNumber()));
		});
		String dispensaryCode = application.getDispensaryCode();
		if (dispensaryCode != null) {
			model.put("dispensary",
					dispensaries.findById(dispensaryCode).map(CaseMailService::describe).orElse(dispensaryCode));
		}
		else {
			model.put("dispensary", "not chosen yet");
		}
		String denialReason = variables.denialReason() != null ? variables.denialReason()
				: application.getDenialReason();
		model.put("denialReason", denialText(denialReason));
		if (variables.informationRequest() != null) {
			model.put("informationRequest", variables.informationRequest());
		}
		if (variables.fee() != null) {
			model.put("feeDue", "$" + new BigDecimal(String.valueOf(variables.fee())).setScale(2,
					java.math.RoundingMode.HALF_UP));
		}
		return model;
	}

	private static String describe(Dispensary dispensary) {
		return dispensary.getName() + ", " + dispensary.getTown();
	}

	/** The column holds 200 characters; a longer key (long element ids) is replaced by its hash, still unique. */
	private static String fitted(String dedupKey) {
		if (dedupKey.length() <= 200) {
			return dedupKey;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String denialText(String code) {
		if (code == null || code.isBlank()) {
			return "The reason was not recorded. Please contact the program.";
		}
		return DenialReason.of(code).map(DenialReason::applicantText).orElse(code.replace('-', ' ') + ".");
	}

}
