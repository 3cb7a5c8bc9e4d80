package org.mmpcase.sanction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspensions and revocations of a registration: proposing one starts registration-sanction (one open sanction per
 * registration; a revocation may join a suspension in effect), lifting a suspension sends the process its message,
 * a provider's withdrawal of a certification proposes a revocation. Each change locks the registration first, so two
 * requests on one registration run one after the other and the second sees the first.
 */
@Service
public class SanctionService {

	static final int NOTE_MAX = 2000;

	private final RegistrationRepository registrations;

	private final RegistrationLife life;

	private final SanctionReasons reasons;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final Clock clock;

	SanctionService(RegistrationRepository registrations, RegistrationLife life, SanctionReasons reasons,
			RuntimeService runtimeService, TaskService taskService, Clock clock) {
		this.registrations = registrations;
		this.life = life;
		this.reasons = reasons;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.clock = clock;
	}

	/** An open sanction of a registration, as staff see it. */
	public record Open(String kind, String reason, String reasonLabel, String note, String effectiveOn,
			String lastDay, String proposedBy, String state) {

		static final String AWAITING_DECISION = "awaiting-decision";

		static final String APPROVED = "approved";

		static final String IN_EFFECT = "in-effect";

	}

	/** One entry of the registration's history. */
	public record Entry(Instant occurredAt, String actor, String action, String reason, String note,
			LocalDate effectiveOn) {

		static Entry of(RegistrationEvent event) {
			return new Entry(event.getOccurredAt(), event.getActor(), event.getAction().name(), event.getReason(),
					event.getNote(), event.getEffectiveOn());
		}

	}

	/** Where the registration stands, its open sanctions and its history (oldest first). */
	public record Overview(String registrationNumber, String holderName, String standing, LocalDate suspendedUntil,
			List<Open> open, List<Entry> history) {
	}

	/**
	 * Proposes a suspension or revocation (the fields of {@code forms/sanction/propose-sanction.form}: kind, reason,
	 * note, effectiveOn, lastDay). 404 unknown registration, 400 at the field, 409 when the registration is not current
	 * or already has an open sanction.
	 */
	@Transactional
	public Open propose(String registrationNumber, String proposer, Map<String, Object> submitted) {
		Registration found = find(registrationNumber);
		Map<String, Object> values = reasons.validate(submitted);
		SanctionKind kind = SanctionKind.of(values.get(SanctionReasons.KIND))
			.orElseThrow(() -> BadRequestException.field(SanctionReasons.KIND, "Choose suspend or revoke."));
		LocalDate effectiveOn = date(values, SanctionReasons.EFFECTIVE_ON);
		LocalDate lastDay = date(values, SanctionReasons.LAST_DAY);
		if (kind == SanctionKind.REVOCATION && lastDay != null) {
			throw BadRequestException.field(SanctionReasons.LAST_DAY, "A revocation is final; it has no last day.");
		}
		Registration registration = life.lock(found.getRegistrationNumber());
		LocalDate today = today();
		requireCurrent(registration, kind, today);
		requireNoOpenSanction(registration.getRegistrationNumber(), kind);
		if (effectiveOn.isBefore(today)) {
			throw BadRequestException.field(SanctionReasons.EFFECTIVE_ON,
					"The effective date cannot be in the past; today is " + today + ".");
		}
		if (effectiveOn.isAfter(registration.getExpiresOn())) {
			throw BadRequestException.field(SanctionReasons.EFFECTIVE_ON, "The registration expires on "
					+ registration.getExpiresOn() + "; the effective date cannot be after that.");
		}
		if (lastDay != null && lastDay.isBefore(effectiveOn)) {
			throw BadRequestException.field(SanctionReasons.LAST_DAY,
					"The last day cannot be before the effective date (" + effectiveOn + ").");
		}
		String reason = (String) values.get(SanctionReasons.REASON);
		Map<String, Object> variables = new HashMap<>();
		variables.put(SanctionProcess.REGISTRATION_NUMBER, registration.getRegistrationNumber());
		variables.put(SanctionProcess.HOLDER_NAME, registration.getHolder().getFullName());
		variables.put(SanctionProcess.KIND, kind.value());
		variables.put(SanctionProcess.KIND_LABEL, kind.label());
		variables.put(SanctionProcess.REASON, reason);
		variables.put(SanctionProcess.REASON_LABEL, reasons.label(reason));
		variables.put(SanctionProcess.NOTE, values.get(SanctionReasons.NOTE));
		variables.put(SanctionProcess.EFFECTIVE_ON, effectiveOn.toString());
		variables.put(SanctionProcess.EFFECTIVE_AT,
				Date.from(effectiveOn.atStartOfDay(CaseStarter.PROGRAM_ZONE).toInstant()));
		if (lastDay != null) {
			variables.put(SanctionProcess.LAST_DAY, lastDay.toString());
		}
		variables.put(SanctionProcess.LAST_DAY_LABEL, kind == SanctionKind.REVOCATION ? "None (final)"
				: lastDay == null ? "None: until a supervisor lifts it" : lastDay.toString());
		variables.put(SanctionProcess.PROPOSED_BY, proposer);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(SanctionProcess.KEY,
				registration.getRegistrationNumber(), variables);
		return open(instance.getId());
	}

	/**
	 * The certifying provider withdraws the certification of a patient's registration: a revocation with reason
	 * certification-withdrawn, effective today, that a supervisor still approves. 404 for anybody else.
	 */
	@Transactional
	public Open withdrawCertification(String provider, String registrationNumber, String note) {
		Registration registration = registrations.findByRegistrationNumber(registrationNumber)
			.filter(candidate -> candidate.getRole() == ApplicantRole.PATIENT)
			.filter(candidate -> provider.equals(candidate.getApplication().getCertification().getProviderUsername()))
			.orElseThrow(() -> new NotFoundException("No registration " + registrationNumber + " certified by you."));
		Map<String, Object> proposal = new LinkedHashMap<>();
		proposal.put(SanctionReasons.KIND, SanctionKind.REVOCATION.value());
		proposal.put(SanctionReasons.REASON, SanctionReasons.CERTIFICATION_WITHDRAWN);
		proposal.put(SanctionReasons.NOTE, note);
		proposal.put(SanctionReasons.EFFECTIVE_ON, today().toString());
		return propose(registration.getRegistrationNumber(), provider, proposal);
	}

	/**
	 * A supervisor lifts a suspension in effect: the registration (and the caregivers' that followed) is valid again
	 * at once. 409 when no suspension is in effect.
	 */
	@Transactional
	public Registration lift(String registrationNumber, String supervisor, String note) {
		find(registrationNumber);
		if (note != null && note.strip().length() > NOTE_MAX) {
			throw BadRequestException.field("note", "Must be at most " + NOTE_MAX + " characters.");
		}
		Registration registration = life.lock(registrationNumber);
		Execution waiting = inEffect(registrationNumber).orElseThrow(() -> new ConflictException(
				"This registration has no suspension in effect to lift (it is " + standing(registration) + ")."));
		runtimeService.createMessageCorrelation(SanctionProcess.MESSAGE_SUSPENSION_LIFTED)
			.processInstanceId(waiting.getProcessInstanceId())
			.setVariable(SanctionProcess.LIFTED_BY, supervisor)
			.setVariable(SanctionProcess.LIFT_NOTE, note == null || note.isBlank() ? null : note.strip())
			.correlate();
		return registrations.findByRegistrationNumber(registrationNumber).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Overview overview(String registrationNumber) {
		Registration registration = find(registrationNumber);
		List<Open> open = instances(registrationNumber).stream().map(instance -> open(instance.getId())).toList();
		return new Overview(registration.getRegistrationNumber(), registration.getHolder().getFullName(),
				standing(registration), registration.getSuspendedUntil(), open,
				life.history(registration).stream().map(Entry::of).toList());
	}

	private Registration find(String registrationNumber) {
		return registrations.findByRegistrationNumber(registrationNumber)
			.orElseThrow(() -> new NotFoundException("No registration " + registrationNumber + "."));
	}

	private void requireCurrent(Registration registration, SanctionKind kind, LocalDate today) {
		Registration.Standing standing = registration.standingOn(today);
		if (kind == SanctionKind.SUSPENSION && standing == Registration.Standing.SUSPENDED) {
			throw new ConflictException(
					"This registration is already suspended; lift the suspension first, or propose a revocation.");
		}
		boolean current = standing == Registration.Standing.VALID
				|| (kind == SanctionKind.REVOCATION && standing == Registration.Standing.SUSPENDED);
		if (!current) {
			throw new ConflictException("Only a current registration can be " + (kind == SanctionKind.SUSPENSION
					? "suspended" : "revoked") + "; this one is " + standing.label() + ".");
		}
	}

	/**
	 * One open sanction per registration. The one exception: a revocation while a suspension is in effect (it ends
	 * the suspension's wait when applied).
	 */
	private void requireNoOpenSanction(String registrationNumber, SanctionKind kind) {
		Optional<String> inEffect = inEffect(registrationNumber).map(Execution::getProcessInstanceId);
		for (ProcessInstance instance : instances(registrationNumber)) {
			boolean suspensionInEffect = inEffect.filter(instance.getId()::equals).isPresent();
			if (suspensionInEffect && kind == SanctionKind.REVOCATION) {
				continue;
			}
			if (suspensionInEffect) {
				throw new ConflictException(
						"This registration is already suspended; lift the suspension first, or propose a revocation.");
			}
			Open open = open(instance.getId());
			throw new ConflictException("A " + open.kind() + " of this registration is still open (proposed by "
					+ open.proposedBy() + ", effective " + open.effectiveOn() + ", " + open.state().replace('-', ' ')
					+ "); only one can be open at a time.");
		}
	}

	private List<ProcessInstance> instances(String registrationNumber) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(registrationNumber)
			.orderByProcessInstanceId()
			.asc()
			.list();
	}

	/** The suspension waiting for its end (last day, lift or revocation), if any. */
	private Optional<Execution> inEffect(String registrationNumber) {
		return runtimeService.createExecutionQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(registrationNumber)
			.messageEventSubscriptionName(SanctionProcess.MESSAGE_SUSPENSION_LIFTED)
			.list()
			.stream()
			.findFirst();
	}

	private Open open(String processInstanceId) {
		Map<String, Object> variables = runtimeService.getVariables(processInstanceId);
		String state;
		if (taskService.createTaskQuery().processInstanceId(processInstanceId).count() > 0) {
			state = Open.AWAITING_DECISION;
		}
		else if (runtimeService.createExecutionQuery()
			.processInstanceId(processInstanceId)
			.messageEventSubscriptionName(SanctionProcess.MESSAGE_SUSPENSION_LIFTED)
			.count() > 0) {
			state = Open.IN_EFFECT;
		}
		else {
			state = Open.APPROVED;
		}
		String kind = SanctionKind.of(variables.get(SanctionProcess.KIND))
			.map(value -> value.label().toLowerCase())
			.orElse("sanction");
		return new Open(kind, text(variables, SanctionProcess.REASON), text(variables, SanctionProcess.REASON_LABEL),
				text(variables, SanctionProcess.NOTE), text(variables, SanctionProcess.EFFECTIVE_ON),
				text(variables, SanctionProcess.LAST_DAY), text(variables, SanctionProcess.PROPOSED_BY), state);
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		return value == null ? null : value.toString();
	}

	private static LocalDate date(Map<String, Object> values, String field) {
		Object value = values.get(field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			throw BadRequestException.field(field, "Give a date as yyyy-mm-dd, such as 2026-12-31.");
		}
	}

	private String standing(Registration registration) {
		return registration.standingOn(today()).label();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
	}

}
