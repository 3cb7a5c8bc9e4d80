package org.mmpcase.sanction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.CaseStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of registration-sanction: thin, business key -> registration -> {@link RegistrationLife}, which
 * changes the locked registration and writes its history.
 */
@Configuration(proxyBeanMethods = false)
class SanctionDelegates {

	private static final Logger log = LoggerFactory.getLogger(SanctionDelegates.class);

	/** Task_RecordProposal: SUSPENSION_PROPOSED / REVOCATION_PROPOSED with the proposer, reason, note and date. */
	@Bean
	JavaDelegate recordSanctionProposalDelegate(RegistrationLife life) {
		return execution -> {
			Registration registration = life.lock(execution.getProcessBusinessKey());
			life.record(registration, string(execution, SanctionProcess.PROPOSED_BY), kind(execution).proposed(),
					string(execution, SanctionProcess.REASON), string(execution, SanctionProcess.NOTE),
					date(execution, SanctionProcess.EFFECTIVE_ON));
		};
	}

	/** Task_RecordDecision: approved or rejected, by whom, with the decision's note. */
	@Bean
	JavaDelegate recordSanctionDecisionDelegate(RegistrationLife life) {
		return execution -> {
			SanctionKind kind = kind(execution);
			boolean approved = SanctionProcess.DECISION_APPROVE.equals(execution.getVariable(SanctionProcess.DECISION));
			Registration registration = life.lock(execution.getProcessBusinessKey());
			life.record(registration, string(execution, SanctionProcess.DECIDED_BY),
					approved ? kind.approved() : kind.rejected(), string(execution, SanctionProcess.REASON),
					string(execution, SanctionProcess.DECISION_NOTE), date(execution, SanctionProcess.EFFECTIVE_ON));
		};
	}

	/**
	 * Task_ApplySanction (asynchronous, retried): suspends or revokes; the patient's caregivers' registrations follow
	 * (RegistrationLife). Keeps who is to be told and when a suspension's wait ends. A registration that is no longer
	 * current by the effective date (expired, renewed, ended) is left alone: BPMN error, the process ends "not
	 * applied". A revocation ends the wait of the same registration's suspension.
	 */
	@Bean
	JavaDelegate applySanctionDelegate(RegistrationLife life, RegistrationRepository registrations, Clock clock) {
		return execution -> {
			String number = execution.getProcessBusinessKey();
			SanctionKind kind = kind(execution);
			LocalDate today = LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
			LocalDate lastDay = date(execution, SanctionProcess.LAST_DAY);
			Registration registration = life.lock(number);
			boolean applicable = kind == SanctionKind.SUSPENSION
					? registration.getStatus() == Registration.Status.ACTIVE && registration.isValidOn(today)
							&& (lastDay == null || !lastDay.isBefore(today))
					: registration.getStatus().isCurrent() && !today.isAfter(registration.getExpiresOn());
			if (!applicable) {
				log.info("{} of registration {} not applied: it is {}", kind.label(), registration.getId(),
						registration.standingOn(today).label());
				throw new BpmnError(SanctionProcess.ERROR_NOT_APPLICABLE);
			}
			List<String> recipients = new ArrayList<>();
			recipients.add(number);
			if (registration.getRole() == ApplicantRole.PATIENT) {
				// the caregivers' registrations RegistrationLife makes follow: active ones for a suspension, current
				// ones for a revocation
				registrations.caregiversOf(registration.getPatient(),
						kind == SanctionKind.SUSPENSION ? EnumSet.of(Registration.Status.ACTIVE)
								: Registration.Status.currentSet())
					.forEach(caregiver -> recipients.add(caregiver.getRegistrationNumber()));
			}
			String actor = string(execution, SanctionProcess.DECIDED_BY);
			String reason = string(execution, SanctionProcess.REASON);
			String note = string(execution, SanctionProcess.NOTE);
			if (kind == SanctionKind.SUSPENSION) {
				life.suspend(number, actor, reason, note, lastDay);
				LocalDate waitEnds = (lastDay != null ? lastDay : registration.getExpiresOn()).plusDays(1);
				execution.setVariable(SanctionProcess.SUSPENSION_ENDS_AT,
						Date.from(waitEnds.atStartOfDay(CaseStarter.PROGRAM_ZONE).toInstant()));
				execution.setVariable(SanctionProcess.UNTIL_LIFTED, lastDay == null);
			}
			else {
				life.revoke(number, actor, reason, note);
				execution.getProcessEngineServices()
					.getRuntimeService()
					.createMessageCorrelation(SanctionProcess.MESSAGE_REGISTRATION_REVOKED)
					.processInstanceBusinessKey(number)
					.correlateAll();
			}
			execution.setVariable(SanctionProcess.RECIPIENTS, String.join(",", recipients));
		};
	}

	/**
	 * Task_EndSuspension, Task_LiftSuspension: the suspension ends (its last day passed) or a supervisor lifted it;
	 * the caregivers' registrations suspended with the patient's come back. A registration that ended otherwise
	 * meanwhile (surrendered) stays as it is.
	 */
	@Bean
	JavaDelegate reinstateRegistrationDelegate(RegistrationLife life) {
		return execution -> {
			String number = execution.getProcessBusinessKey();
			RegistrationEvent.Action action = RegistrationEvent.Action
				.valueOf(string(execution, SanctionProcess.REINSTATEMENT));
			Registration registration = life.lock(number);
			if (registration.getStatus() != Registration.Status.SUSPENDED) {
				log.info("Registration {} is {} now; nothing to reinstate", registration.getId(),
						registration.getStatus());
				return;
			}
			boolean lifted = action == RegistrationEvent.Action.SUSPENSION_LIFTED;
			life.reinstate(number,
					lifted ? string(execution, SanctionProcess.LIFTED_BY) : RegistrationEvent.SYSTEM, action,
					lifted ? string(execution, SanctionProcess.LIFT_NOTE) : null);
		};
	}

	static SanctionKind kind(DelegateExecution execution) {
		return SanctionKind.of(execution.getVariable(SanctionProcess.KIND))
			.orElseThrow(() -> new IllegalStateException("No sanction kind in " + execution.getProcessInstanceId()));
	}

	static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

	static LocalDate date(DelegateExecution execution, String name) {
		String value = string(execution, name);
		return value == null || value.isBlank() ? null : LocalDate.parse(value);
	}

}
