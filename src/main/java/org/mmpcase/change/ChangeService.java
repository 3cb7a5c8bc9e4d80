package org.mmpcase.change;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEnded;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.documents.Document;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Person;
import org.mmpcase.review.ReviewRecord;
import org.mmpcase.review.ReviewRecords;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder reports a new address or a new name with its proof (DOMAIN.md: within 5 business days). In one
 * transaction, with the registration locked: the values are checked, the document goes through the same check as a
 * registration's (refused: 400 on {@code file}, nothing saved), and the change starts its review. Approved, the
 * person changes and the certificate is issued again (same number); denied, nothing changes.
 */
@Service
public class ChangeService {

	private static final Logger log = LoggerFactory.getLogger(ChangeService.class);

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	/**
	 * The document types a holder may declare: the lists of the form {@code choose-document-types} (reference data a
	 * process owner edits there; {@code ChangeScenarioTests} keeps these in step with it).
	 */
	static final Map<ChangeKind, List<String>> DOCUMENT_TYPES = Map.of(ChangeKind.NAME,
			List.of("drivers-license", "state-id", "passport", "military-id"), ChangeKind.ADDRESS,
			List.of("utility-bill", "lease", "bank-statement", "vehicle-registration", "voter-registration"));

	/** What the holder sends; the fields of the other kind are ignored. */
	public record ChangeRequest(String kind, String firstName, String lastName, String street, String city,
			String zip, String declaredType) {
	}

	private final RegistrationLife life;

	private final RegistrationChangeRepository changes;

	private final CaseStarter caseStarter;

	private final ApplicationAccess applications;

	private final DocumentService documents;

	private final ReviewRecords reviews;

	private final Clock clock;

	private final RuntimeService runtimeService;

	ChangeService(RegistrationLife life, RegistrationChangeRepository changes, CaseStarter caseStarter,
			ApplicationAccess applications, DocumentService documents, ReviewRecords reviews, Clock clock,
			RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
		this.life = life;
		this.changes = changes;
		this.caseStarter = caseStarter;
		this.applications = applications;
		this.documents = documents;
		this.reviews = reviews;
		this.clock = clock;
	}

	/**
	 * Reports a change of the registration held by {@code username} and sends it to review.
	 * @throws BadRequestException a field is missing or wrong, or the file fails the document check ({@code file})
	 * @throws ConflictException the registration is not valid, or another change of it is in review
	 * @throws CaseNotFoundException the registration is unknown or somebody else's
	 */
	@Transactional
	public RegistrationChange submit(String registrationNumber, String username, ChangeRequest request,
			String filename, byte[] file) {
		ChangeKind kind = validKind(request);
		Person requested = requested(kind, request, file);
		Registration registration = life.lock(registrationNumber);
		Person holder = registration.getHolder();
		if (!holder.getEmail().equals(Person.normaliseEmail(username))) {
			throw new CaseNotFoundException(registrationNumber);
		}
		requireChangeable(registration);
		if (sameAsNow(kind, requested, holder)) {
			throw kind == ChangeKind.NAME
					? BadRequestException.field("lastName", "This is already the name on your registration.")
					: BadRequestException.field("street", "This is already the address on your registration.");
		}
		Application application = caseStarter.create(ApplicationKind.CHANGE, registration.getRole(),
				new CaseStarter.Applicant(holder, registration.getPatient(),
						registration.getApplication().getCertification()));
		application.chooseDispensary(registration.getDispensaryCode());
		if (kind == ChangeKind.NAME) {
			application.chooseDocumentTypes(request.declaredType(), null);
		}
		else {
			application.chooseDocumentTypes(null, request.declaredType());
		}
		// the same check as a registration's; a refused file throws (400 on "file") and the transaction rolls back
		Person expected = kind == ChangeKind.NAME
				? new Person(requested.getFirstName(), requested.getLastName(), holder.getDateOfBirth(),
						holder.getEmail(), holder.getStreet(), holder.getCity(), holder.getZip(), null)
				: new Person(holder.getFirstName(), holder.getLastName(), holder.getDateOfBirth(), holder.getEmail(),
						requested.getStreet(), requested.getCity(), requested.getZip(), null);
		documents.upload(application, kind.proof(), filename, file, expected);
		application.submitted(clock.instant());
		RegistrationChange change = changes
			.save(new RegistrationChange(application, registration, kind, requested, clock.instant()));
		life.record(registration, holder.getEmail(), RegistrationEvent.Action.CHANGE_REQUESTED, kind.name(),
				application.getApplicationNumber(), null);
		caseStarter.startProcess(RegistrationChangeProcess.KEY, application,
				Map.of(RegistrationChangeProcess.CHANGE_KIND, kind.apiName()));
		log.info("Change {} of registration {} reported as {}", kind, registration.getId(),
				application.getApplicationNumber());
		return change;
	}

	/** The change of this registration that is in review, if any. */
	@Transactional(readOnly = true)
	public Optional<RegistrationChange> pending(Registration registration) {
		return changes.findByRegistrationAndStatus(registration, RegistrationChange.Status.IN_REVIEW)
			.stream()
			.findFirst();
	}

	/** The change an application of kind CHANGE carries; empty for any other application. */
	@Transactional(readOnly = true)
	public Optional<RegistrationChange> ofApplication(Application application) {
		if (application.getKind() != ApplicationKind.CHANGE) {
			return Optional.empty();
		}
		return changes.findByApplication(application);
	}

	/**
	 * Task_ApplyChange: the reviewer approved. The holder's name or address becomes the new one, and the certificate
	 * is issued again with it (same number, today's date); the registration's history says so (REISSUED,
	 * CHANGE_APPROVED). A retried job finds the change approved and does nothing again.
	 */
	@Transactional
	public void approve(String applicationNumber) {
		RegistrationChange change = require(applicationNumber);
		if (change.getStatus() != RegistrationChange.Status.IN_REVIEW) {
			return;
		}
		Application application = change.getApplication();
		String reviewer = reviewer(application);
		Registration registration = life.lock(change.getRegistration().getRegistrationNumber());
		Person holder = registration.getHolder();
		holder.correct(change.getFirstName(), change.getLastName(), holder.getDateOfBirth(), change.getStreet(),
				change.getCity(), change.getZip());
		change.approved(clock.instant());
		application.approved(clock.instant());
		life.record(registration, reviewer, RegistrationEvent.Action.CHANGE_APPROVED, change.getKind().name(),
				change.from() + " -> " + change.to(), today());
		if (registration.getStatus().isCurrent()) {
			life.reissue(registration.getRegistrationNumber(), reviewer, change.getKind().name(), applicationNumber);
		}
	}

	/**
	 * Task_RecordChangeDenied: the reviewer denied (the review recorded the application's denial and its reason);
	 * the holder's data stays as it was, and the registration's history says so (CHANGE_DENIED).
	 */
	@Transactional
	public void denied(String applicationNumber) {
		RegistrationChange change = require(applicationNumber);
		if (change.getStatus() != RegistrationChange.Status.IN_REVIEW) {
			return;
		}
		Application application = change.getApplication();
		change.denied(application.getDenialReason(), clock.instant());
		life.record(change.getRegistration(), reviewer(application), RegistrationEvent.Action.CHANGE_DENIED,
				application.getDenialReason(), application.getApplicationNumber(), null);
	}

	/**
	 * The registration ended while a change of it was in review: the change is withdrawn, its review ends (the task
	 * leaves the reviewers' queue) and its application is closed. Returns whether there was one.
	 */
	@Transactional
	public boolean withdrawPending(Registration registration, String why) {
		Optional<RegistrationChange> pending = pending(registration);
		pending.ifPresent(change -> {
			Application application = change.getApplication();
			if (application.getProcessInstanceId() != null) {
				runtimeService.deleteProcessInstanceIfExists(application.getProcessInstanceId(), why, false, true,
						false, false);
			}
			application.closed(clock.instant());
			change.withdrawn(clock.instant());
		});
		return pending.isPresent();
	}

	/**
	 * A registration revoked or ended (surrender, a caregiver removed, the patient's ended) has nothing left to
	 * change: a change of it in review is withdrawn in the same transaction.
	 */
	@EventListener
	void withdrawOnEnd(RegistrationEnded ended) {
		withdrawPending(life.lock(ended.registrationNumber()),
				ended.status() == Registration.Status.REVOKED ? "The registration was revoked." : "The registration ended.");
	}

	/** The change of an application of kind CHANGE. */
	@Transactional(readOnly = true)
	public RegistrationChange require(String applicationNumber) {
		Application application = applications.require(applicationNumber);
		return changes.findByApplication(application)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

	private void requireChangeable(Registration registration) {
		if (!registration.isValidOn(today())) {
			throw new ConflictException("Only a valid registration can be changed; this one is "
					+ registration.standingOn(today()).label() + ".");
		}
		pending(registration).ifPresent(pending -> {
			throw new ConflictException("Another change of this registration (" + pending.getKind().apiName()
					+ ", " + pending.getApplication().getApplicationNumber() + ") is in review. You can report the"
					+ " next change once it is decided.");
		});
	}

	private static ChangeKind validKind(ChangeRequest request) {
		return ChangeKind.parse(request.kind())
			.orElseThrow(() -> BadRequestException.field("kind", "Choose what changed: address or name."));
	}

	/** The new values as a person (not saved): checked field by field, every problem at once. */
	private static Person requested(ChangeKind kind, ChangeRequest request, byte[] file) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (kind == ChangeKind.NAME) {
			required(problems, "firstName", request.firstName(), 100, "Enter your new first name.");
			required(problems, "lastName", request.lastName(), 100, "Enter your new last name.");
		}
		else {
			required(problems, "street", request.street(), 200, "Enter your new street address.");
			required(problems, "city", request.city(), 100, "Enter your new town or city.");
			if (blank(request.zip()) || !ZIP.matcher(request.zip().trim()).matches()) {
				problems.put("zip", "Enter a ZIP code like 06106.");
			}
		}
		if (blank(request.declaredType()) || !DOCUMENT_TYPES.get(kind).contains(request.declaredType())) {
			problems.put("declaredType", kind == ChangeKind.NAME
					? "Choose the type of your proof of identity: " + String.join(", ", DOCUMENT_TYPES.get(kind)) + "."
					: "Choose the type of your proof of residency: " + String.join(", ", DOCUMENT_TYPES.get(kind))
							+ ".");
		}
		if (file == null || file.length == 0) {
			problems.put("file", kind == ChangeKind.NAME ? "Attach a proof of identity that shows your new name."
					: "Attach a proof of residency that shows your new address.");
		}
		if (!problems.isEmpty()) {
			throw new BadRequestException("Some fields need your attention.", problems);
		}
		return new Person(trim(request.firstName()), trim(request.lastName()), null, null, trim(request.street()),
				trim(request.city()), trim(request.zip()), null);
	}

	private static boolean sameAsNow(ChangeKind kind, Person requested, Person holder) {
		if (kind == ChangeKind.NAME) {
			return requested.getFirstName().equalsIgnoreCase(holder.getFirstName())
					&& requested.getLastName().equalsIgnoreCase(holder.getLastName());
		}
		return requested.getStreet().equalsIgnoreCase(holder.getStreet())
				&& requested.getCity().equalsIgnoreCase(holder.getCity()) && requested.getZip().equals(holder.getZip());
	}

	private static void required(Map<String, String> problems, String field, String value, int max, String message) {
		if (blank(value)) {
			problems.put(field, message);
		}
		else if (value.trim().length() > max) {
			problems.put(field, "At most " + max + " characters.");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	/** Who decided: the reviewer of the last decision on the case. */
	private String reviewer(Application application) {
		List<ReviewRecord> decisions = reviews.of(application);
		return decisions.stream()
			.reduce((first, second) -> second)
			.map(ReviewRecord::getDecidedBy)
			.filter(by -> by != null)
			.orElse(RegistrationEvent.SYSTEM);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
	}

}
