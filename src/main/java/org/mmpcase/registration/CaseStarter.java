package org.mmpcase.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Creates an application and starts the process that runs it, in the caller's transaction: either both exist or
 * neither. Shared by the initial registration, the caregiver registration and the renewal.
 */
@Service
public class CaseStarter {

	/** Zone of the program: a certification expires at the end of its last day in Connecticut. */
	public static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");

	private final ApplicationRepository applications;

	private final RuntimeService runtimeService;

	private final Clock clock;

	CaseStarter(ApplicationRepository applications, RuntimeService runtimeService, Clock clock) {
		this.applications = applications;
		this.runtimeService = runtimeService;
		this.clock = clock;
	}

	public Application start(String processKey, ApplicationKind kind, ApplicantRole role, Person applicant,
			Certification certification) {
		return startWith(processKey, kind, role, applicant, certification, null);
	}

	/** Starts a case that carries over the choices of an earlier one (a renewal), when given. */
	public Application startWith(String processKey, ApplicationKind kind, ApplicantRole role, Person applicant,
			Certification certification, Application previous) {
		Instant now = clock.instant();
		String number = CaseNumbers.applicationNumber();
		while (applications.existsByApplicationNumber(number)) {
			number = CaseNumbers.applicationNumber();
		}
		Application application = new Application(number, kind, role, applicant, certification.getPatient(),
				certification, now);
		if (previous != null) {
			application.carryOver(previous);
		}
		application = applications.save(application);
		return startProcess(processKey, application, Map.of());
	}

	/**
	 * Creates an application without starting its process: for a case whose first steps happen in the request that
	 * creates it (a holder's change, whose document is checked before anything goes on), started with
	 * {@link #startProcess} in the same transaction.
	 */
	public Application create(ApplicationKind kind, ApplicantRole role, Applicant applicant) {
		String number = CaseNumbers.applicationNumber();
		while (applications.existsByApplicationNumber(number)) {
			number = CaseNumbers.applicationNumber();
		}
		return applications.save(new Application(number, kind, role, applicant.person(), applicant.patient(),
				applicant.certification(), clock.instant()));
	}

	/** Who an application created by {@link #create} is for: the applicant, their patient, the certification. */
	public record Applicant(Person person, Person patient, Certification certification) {
	}

	/** Starts the process of a created application, with the case variables and {@code extra} ones. */
	public Application startProcess(String processKey, Application application, Map<String, Object> extra) {
		Map<String, Object> variables = variables(application);
		variables.putAll(extra);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey,
				application.getApplicationNumber(), variables);
		application.started(instance.getId());
		return application;
	}

	/**
	 * The variables a case process starts with: what its gateways, timers, DMN tables and task assignments read, and
	 * nothing of the case itself. The profile, the certification and the choices stay in our tables, where the
	 * delegates, the portal ({@link CaseFormValues}) and the reviewer workspace read them.
	 */
	private static Map<String, Object> variables(Application application) {
		Certification certification = application.getCertification();
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.APPLICATION_NUMBER, application.getApplicationNumber());
		variables.put(CaseVariables.APPLICANT, application.getApplicant().getEmail());
		variables.put(CaseVariables.APPLICANT_ROLE, application.getApplicantRole().variableValue());
		variables.put(CaseVariables.APPLICATION_KIND, application.getKind().variableValue());
		variables.put(CaseVariables.PROVIDER, certification.getProviderUsername());
		variables.put(CaseVariables.CERTIFICATION_EXPIRES_AT, Date.from(
				certification.getExpiresOn().plusDays(1).atStartOfDay(PROGRAM_ZONE).toInstant()));
		return variables;
	}

}
