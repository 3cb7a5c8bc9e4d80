package org.mmpcase.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.change.ChangeService;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.dispensary.DispensaryRepository;
import org.mmpcase.documents.Document;
import org.mmpcase.documents.DocumentCheck;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.payment.Payment;
import org.mmpcase.payment.PaymentRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.Person;
import org.mmpcase.review.ReviewRecord;
import org.mmpcase.review.ReviewRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of a case for its reviewer, read from the case's own tables (not from process variables): the person,
 * the certification, the choices, the payment, the documents with their checks, the requests for information with
 * their answers, and this person's other applications and registrations.
 */
@Service
class CaseFacts {

	private final ApplicationAccess applications;

	private final DocumentService documents;

	private final DispensaryRepository dispensaries;

	private final PaymentRepository payments;

	private final RegistrationRepository registrations;

	private final RegistrationLife registrationLife;

	private final ReviewRecords reviews;

	private final Clock clock;

	private final ChangeService changes;

	CaseFacts(ApplicationAccess applications, DocumentService documents, DispensaryRepository dispensaries,
			PaymentRepository payments, RegistrationRepository registrations, RegistrationLife registrationLife,
			ReviewRecords reviews, Clock clock, ChangeService changes) {
		this.changes = changes;
		this.registrationLife = registrationLife;
		this.applications = applications;
		this.documents = documents;
		this.dispensaries = dispensaries;
		this.payments = payments;
		this.registrations = registrations;
		this.reviews = reviews;
		this.clock = clock;
	}

	record Facts(String applicationNumber, String kind, String role, String status, Instant createdAt,
			Instant submittedAt, Instant attestedAt, PersonFacts applicant, PersonFacts patient, CertificationFacts certification,
			DispensaryFacts dispensary, PaymentFacts payment, List<DocumentFacts> documents,
			List<RequestFacts> informationRequests, HistoryFacts history, List<CaseTask> tasks, ChangeFacts change) {
	}

	/**
	 * A change the holder reported (an application of kind {@code change}): of what ({@code address}, {@code name}),
	 * the registration, what it replaces and what it asks for, and where it stands.
	 */
	record ChangeFacts(String kind, String registrationNumber, String from, String to, String status) {
	}

	record PersonFacts(String name, String firstName, String lastName, LocalDate dateOfBirth, int age, String email,
			String street, String city, String zip) {
	}

	record CertificationFacts(String provider, LocalDate certificationDate, int termMonths, LocalDate expiresOn,
			String qualifyingCondition, boolean caregiverNeeded) {
	}

	record DispensaryFacts(String code, String name, String town) {
	}

	record PaymentFacts(String status, String amount, String currency, String card, Instant at) {
	}

	/** {@code onFileFrom}: the earlier application the document was sent with (a renewal that kept its documents). */
	record DocumentFacts(long id, String category, String declaredType, String fileName, String detectedType,
			long sizeBytes, Instant uploadedAt, Check check, Hint hint, String onFileFrom) {
	}

	record Check(String status, String reason) {
	}

	record Hint(boolean textLayer, Boolean nameFound, Boolean addressFound, String text) {
	}

	record RequestFacts(Instant askedAt, String askedBy, String question, Instant answeredAt, String answer) {
	}

	record HistoryFacts(List<EarlierApplication> applications, List<EarlierRegistration> registrations,
			List<RegistrationChange> changes) {
	}

	/** One entry of the history of this person's registrations: who did what, when and why (newest first). */
	record RegistrationChange(String registrationNumber, Instant at, String actor, String action, String reason,
			String note, LocalDate effectiveOn) {
	}

	record EarlierApplication(String applicationNumber, String kind, String role, String status, String decision,
			String denialReason, Instant submittedAt, Instant decidedAt) {
	}

	record EarlierRegistration(String registrationNumber, String role, String kind, String status, Instant issuedAt,
			LocalDate expiresOn) {
	}

	/** The case's facts without its tasks (the caller adds what the user sees of them). */
	@Transactional(readOnly = true)
	Facts of(String applicationNumber, List<CaseTask> tasks, Map<String, String> names) {
		Application application = applications.find(applicationNumber)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
		Person applicant = application.getApplicant();
		LocalDate today = LocalDate.now(clock);
		return new Facts(application.getApplicationNumber(), application.getKind().variableValue(),
				application.getApplicantRole().variableValue(), application.getStatus().name(),
				application.getCreatedAt(), application.getSubmittedAt(), application.getAttestedAt(),
				person(applicant, today),
				application.getApplicantRole() == ApplicantRole.CAREGIVER ? person(application.getPatient(), today)
						: null,
				certification(application.getCertification()), dispensary(application.getDispensaryCode()),
				payment(application), documents(application),
				requests(application, names), history(application), tasks, change(application));
	}

	private ChangeFacts change(Application application) {
		return changes.ofApplication(application)
			.map(change -> new ChangeFacts(change.getKind().apiName(),
					change.getRegistration().getRegistrationNumber(), change.from(), change.to(),
					change.getStatus().name()))
			.orElse(null);
	}

	private static PersonFacts person(Person person, LocalDate today) {
		return new PersonFacts(person.getFullName(), person.getFirstName(), person.getLastName(),
				person.getDateOfBirth(), person.ageOn(today), person.getEmail(), person.getStreet(), person.getCity(),
				person.getZip());
	}

	private static CertificationFacts certification(Certification certification) {
		return new CertificationFacts(certification.getProviderUsername(), certification.getCertificationDate(),
				certification.getTermMonths(), certification.getExpiresOn(), certification.getQualifyingCondition(),
				certification.isCaregiverNeeded());
	}

	private DispensaryFacts dispensary(String code) {
		if (code == null) {
			return null;
		}
		return dispensaries.findById(code)
			.map(dispensary -> new DispensaryFacts(dispensary.getCode(), dispensary.getName(), dispensary.getTown()))
			.orElse(new DispensaryFacts(code, code, null));
	}

	/** The payment that counts: the one that succeeded, else the latest attempt; none at all means no fee. */
	private PaymentFacts payment(Application application) {
		List<Payment> attempts = payments.findByApplicationOrderByCreatedAtDesc(application);
		if (attempts.isEmpty()) {
			return new PaymentFacts("NO_FEE", null, null, null, null);
		}
		Payment payment = attempts.stream()
			.filter(attempt -> attempt.getStatus() == Payment.Status.SUCCEEDED)
			.findFirst()
			.orElse(attempts.get(0));
		String card = payment.getCardLast4() == null ? null
				: (payment.getCardBrand() == null ? "Card" : payment.getCardBrand()) + " ending " + payment.getCardLast4();
		return new PaymentFacts(payment.getStatus().name(),
				java.math.BigDecimal.valueOf(payment.getAmountCents(), 2).toPlainString(), payment.getCurrency(), card,
				payment.getUpdatedAt());
	}

	private List<DocumentFacts> documents(Application application) {
		Application holder = documentsOf(application);
		String onFileFrom = holder == application ? null : holder.getApplicationNumber();
		return documents.currentDocuments(holder).stream().map(document -> document(document, onFileFrom)).toList();
	}

	/**
	 * The application whose documents apply: its own, or for a renewal that sent none (identity and residency did
	 * not change), those of the applicant's latest approved application.
	 */
	@Transactional(readOnly = true)
	Application documentsOf(Application application) {
		if (application.getKind() != org.mmpcase.registration.ApplicationKind.RENEWAL
				|| !documents.currentDocuments(application).isEmpty()) {
			return application;
		}
		return applications.ofApplicant(application.getApplicant())
			.stream()
			.filter(other -> !other.getId().equals(application.getId()))
			.filter(other -> other.getStatus() == org.mmpcase.registration.ApplicationStatus.APPROVED)
			.findFirst()
			.orElse(application);
	}

	private static DocumentFacts document(Document document, String onFileFrom) {
		return new DocumentFacts(document.getId(), document.getCategory().name().toLowerCase(java.util.Locale.ROOT),
				document.getDeclaredType(), document.getOriginalFilename(), document.getDetectedType(),
				document.getSizeBytes(), document.getUploadedAt(),
				new Check(document.getCheckStatus().name(), document.getCheckReason()), hint(document), onFileFrom);
	}

	private static Hint hint(Document document) {
		if (!document.hasTextLayer()) {
			String text = DocumentCheck.PDF.equals(document.getDetectedType())
					? "No text layer (a scan): compare the name and address yourself."
					: "No text layer (a photo): compare the name and address yourself.";
			return new Hint(false, null, null, text);
		}
		boolean name = Boolean.TRUE.equals(document.getNameFound());
		boolean address = Boolean.TRUE.equals(document.getAddressFound());
		String text = "Name " + (name ? "found" : "not found") + ", street or ZIP " + (address ? "found" : "not found")
				+ " in the document's text (a hint, not a decision).";
		return new Hint(true, document.getNameFound(), document.getAddressFound(), text);
	}

	private List<RequestFacts> requests(Application application, Map<String, String> names) {
		return reviews.of(application)
			.stream()
			.filter(ReviewRecord::isInformationRequest)
			.map(record -> new RequestFacts(record.getDecidedAt(),
					record.getDecidedBy() == null ? null : names.getOrDefault(record.getDecidedBy(), record.getDecidedBy()),
					record.getInformationRequest(), record.getAnsweredAt(), record.getAnswer()))
			.toList();
	}

	private HistoryFacts history(Application application) {
		List<EarlierApplication> earlier = applications.ofApplicant(application.getApplicant())
			.stream()
			.filter(other -> !other.getId().equals(application.getId()))
			.map(other -> new EarlierApplication(other.getApplicationNumber(), other.getKind().variableValue(),
					other.getApplicantRole().variableValue(), other.getStatus().name(), other.getDecision(),
					other.getDenialReason(), other.getSubmittedAt(), other.getDecidedAt()))
			.toList();
		List<EarlierRegistration> held = registrations.findByHolderOrderByIssuedAtDesc(application.getApplicant())
			.stream()
			.map(registration -> new EarlierRegistration(registration.getRegistrationNumber(),
					registration.getRole().variableValue(), lower(registration.getKind()),
					registration.getStatus().name(), registration.getIssuedAt(), registration.getExpiresOn()))
			.toList();
		List<RegistrationChange> changes = registrationLife.historyOfHolder(application.getApplicant())
			.stream()
			.map(event -> new RegistrationChange(event.getRegistration().getRegistrationNumber(),
					event.getOccurredAt(), event.getActor(), event.getAction().name(), event.getReason(),
					event.getNote(), event.getEffectiveOn()))
			.toList();
		return new HistoryFacts(earlier, held, changes);
	}

	/** The deciders of a case's earlier decisions, for their names. */
	@Transactional(readOnly = true)
	List<String> deciders(String applicationNumber) {
		return applications.find(applicationNumber)
			.map(application -> reviews.of(application).stream().map(ReviewRecord::getDecidedBy).toList())
			.orElse(List.of());
	}

	private static String lower(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
	}

}
