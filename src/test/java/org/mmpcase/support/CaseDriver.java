package org.mmpcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mmpcase.account.Invitations;
import org.mmpcase.documents.Document;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.CertificationRequest;
import org.mmpcase.registration.CertificationService;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.registration.StepService;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.shared.StaffGroups;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives cases the way the API does (same services, same validation), so scenario tests read as the story of a
 * case: certify, work the applicant's steps, review, run the due jobs.
 */
@TestComponent
public class CaseDriver {

	public static final String PROVIDER = "provider@example.org";

	private final CertificationService certifications;

	private final Invitations invitations;

	private final ApplicationAccess access;

	private final StepService steps;

	private final DocumentService documents;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	CaseDriver(CertificationService certifications, Invitations invitations, ApplicationAccess access,
			StepService steps, DocumentService documents, TaskService taskService, RuntimeService runtimeService,
			ManagementService managementService) {
		this.certifications = certifications;
		this.invitations = invitations;
		this.access = access;
		this.steps = steps;
		this.documents = documents;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
	}

	public static CertificationRequest certificationFor(String email, LocalDate dateOfBirth, boolean caregiverNeeded) {
		return new CertificationRequest("Jordan", "Rivera", dateOfBirth, email, "12 Elm Street", "Hartford", "06106",
				"Chronic pain", LocalDate.now().minusDays(3), 12, caregiverNeeded);
	}

	public Application certify() {
		return certify(certificationFor(uniqueEmail("patient"), LocalDate.of(1980, 5, 17), false));
	}

	/** The certifying provider sends the invitation again. */
	public void reinvite(Application application) {
		invitations.reinvite(PROVIDER, application.getApplicationNumber());
	}

	public Application certify(CertificationRequest request) {
		return certifications.certify(PROVIDER, request);
	}

	/**
	 * A patient whose initial registration was approved, on a certification of the given date (12 months): the
	 * way to a registration that is, or is not yet, open for renewal.
	 */
	public Application registeredPatient(LocalDate certificationDate) {
		CertificationRequest request = certificationFor(uniqueEmail("registered"), LocalDate.of(1975, 2, 3), false);
		Application application = certify(new CertificationRequest(request.firstName(), request.lastName(),
				request.dateOfBirth(), request.email(), request.street(), request.city(), request.zip(),
				request.qualifyingCondition(), certificationDate, 12, false));
		completeApplicantSteps(application);
		review(application, CaseVariables.DECISION_APPROVE, Map.of());
		runDueJobs(application);
		return reload(application);
	}

	/** Reloads the case from the database. */
	public Application reload(Application application) {
		return access.require(application.getApplicationNumber());
	}

	public Task currentStep(Application application) {
		return steps.currentTask(application, application.getApplicant().getEmail()).orElse(null);
	}

	/** Completes the applicant's current step, which must be {@code step}, with the given form values. */
	public void complete(Application application, String step, Map<String, Object> values) {
		Application current = reload(application);
		Task task = steps.currentTask(current, current.getApplicant().getEmail()).orElseThrow();
		assertThat(task.getTaskDefinitionKey()).as("current step").isEqualTo(step);
		steps.complete(current, task, step, values);
	}

	public void confirmProfile(Application application) {
		complete(application, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true));
	}

	public void chooseDispensary(Application application, String code) {
		complete(application, InitialRegistrationProcess.TASK_CHOOSE_DISPENSARY,
				Map.of(CaseVariables.DISPENSARY_CODE, code));
	}

	public void chooseDocumentTypes(Application application) {
		complete(application, InitialRegistrationProcess.TASK_CHOOSE_DOCUMENT_TYPES, Map.of(
				CaseVariables.IDENTITY_DOCUMENT_TYPE, "drivers-license", CaseVariables.RESIDENCY_DOCUMENT_TYPE,
				"utility-bill"));
	}

	public void uploadBothDocuments(Application application) {
		documents.upload(reload(application), Document.Category.IDENTITY, "licence.png", TestFiles.png());
		documents.upload(reload(application), Document.Category.RESIDENCY, "bill.pdf",
				TestFiles.pdf("Jordan Rivera 12 Elm Street Hartford 06106"));
		complete(application, InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS, Map.of());
	}

	public void signAttestations(Application application) {
		Map<String, Object> values = new HashMap<>();
		CaseVariables.ATTESTATIONS.forEach(attestation -> values.put(attestation, true));
		complete(application, InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS, values);
	}

	/** Every applicant step of an initial registration with a $0 fee: the case is submitted afterwards. */
	public void completeApplicantSteps(Application application) {
		confirmProfile(application);
		chooseDispensary(application, "DSP-HARTFORD");
		chooseDocumentTypes(application);
		uploadBothDocuments(application);
		signAttestations(application);
	}

	/** An initial registration up to the card form (needs a fee schedule with a fee). */
	public Application atPayment() {
		Application application = certify();
		confirmProfile(application);
		chooseDispensary(application, "DSP-NORWICH");
		chooseDocumentTypes(application);
		uploadBothDocuments(application);
		signAttestations(application);
		return application;
	}

	/** Completes the card form with a card that expires in two years. */
	public void pay(Application application, String cardNumber) {
		String expiry = java.time.YearMonth.now()
			.plusYears(2)
			.format(java.time.format.DateTimeFormatter.ofPattern("MM/yy"));
		complete(application, InitialRegistrationProcess.TASK_ENTER_PAYMENT, Map.of("cardholderName",
				"Jordan Rivera", "cardNumber", cardNumber, "cardExpiry", expiry, "cardCvc", "123"));
	}

	public List<ProcessInstance> processInstances(Application application) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.list();
	}

	public Task reviewTask(Application application) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
			.taskCandidateGroup(StaffGroups.REVIEWERS)
			.singleResult();
	}

	public void review(Application application, String decision, Map<String, Object> details) {
		Task task = reviewTask(application);
		assertThat(task).as("open review task").isNotNull();
		Map<String, Object> variables = new HashMap<>(details);
		variables.put(CaseVariables.REVIEW_DECISION, decision);
		taskService.complete(task.getId(), variables);
	}

	/** Runs every job of this case that is due now (async steps such as e-mails), until none is left. */
	public int runDueJobs(Application application) {
		int executed = 0;
		for (int round = 0; round < 20; round++) {
			List<Job> due = dueJobs(application);
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				managementService.executeJob(job.getId());
				executed++;
			}
		}
		throw new AssertionError("jobs keep coming for " + application.getApplicationNumber());
	}

	public List<Job> dueJobs(Application application) {
		return processInstances(application).stream()
			.flatMap(instance -> managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list()
				.stream())
			.toList();
	}

	/** Fires the timer of the given boundary event now, whenever it is due. */
	public void fireTimer(Application application, String timerActivityId) {
		Job timer = processInstances(application).stream()
			.flatMap(instance -> managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(timerActivityId)
				.timers()
				.list()
				.stream())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer " + timerActivityId));
		managementService.executeJob(timer.getId());
	}

}
