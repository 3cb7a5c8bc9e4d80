package org.mmpcase.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.StaffGroups;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

class InitialRegistrationScenarioTests extends ProcessTest {

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	StepService steps;

	@Test
	void initialRegistration_reviewerApproves_certificateEmailed() {
		Application application = driver.certify();
		assertThat(mailsTo(application)).extracting(Mails::subject).singleElement().asString()
			.containsIgnoringCase("activate");
		ProcessInstance instance = root(application);
		assertThat(instance).isWaitingAt(InitialRegistrationProcess.TASK_CONFIRM_PROFILE);

		driver.completeApplicantSteps(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(instance).hasPassed(InitialRegistrationProcess.TASK_DETERMINE_FEE,
				InitialRegistrationProcess.TASK_SUBMIT_APPLICATION);
		assertThat(instance).hasNotPassed(InitialRegistrationProcess.TASK_ENTER_PAYMENT);
		Task review = driver.reviewTask(application);
		assertThat(review.getName()).isEqualTo("Review initial registration - " + application.getApplicationNumber());
		assertThat(review.getPriority()).isEqualTo(ApplicationReviewProcess.NORMAL_PRIORITY);
		assertThat(Duration.between(Instant.now(), review.getDueDate().toInstant()).toDays()).isBetween(20L, 21L);

		assertThat(taskService.getVariables(review.getId())).as("the payment is read from its table, not copied")
			.doesNotContainKey("paymentSummary");
		// issue 14: the certification is read from its table (the reviewer workspace), not copied into the review
		assertThat(taskService.getVariables(review.getId())).as("the certification is read from its table")
			.doesNotContainKeys(CaseVariables.CERTIFICATION_TERM_MONTHS, CaseVariables.CERTIFICATION_DATE);
		assertThat(driver.reload(application).getCertification().getTermMonths()).isEqualTo(12);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		assertThat(driver.runDueJobs(application)).isPositive();

		assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.TASK_ISSUE_CERTIFICATE,
				InitialRegistrationProcess.TASK_EMAIL_CERTIFICATE, InitialRegistrationProcess.END_REGISTERED);
		Application approved = driver.reload(application);
		assertThat(approved.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		Registration registration = registrations.findByApplicationOrderByIssuedAtDesc(approved).get(0);
		assertThat(registration.getKind()).isEqualTo(Registration.Kind.PERMANENT);
		assertThat(registration.getExpiresOn())
			.isEqualTo(approved.getCertification().getCertificationDate().plusMonths(12).minusDays(1));
		assertThat(registration.getDispensaryCode()).isEqualTo("DSP-HARTFORD");
		MimeMessage certificate = lastMailTo(application);
		assertThat(Mails.subject(certificate)).containsIgnoringCase("certificate");
		assertThat(bodyOf(certificate)).contains(registration.getRegistrationNumber());
		assertThat(mailsTo(application)).hasSize(2);
	}

	@Test
	void initialRegistration_reviewerDenies_denialEmailedWithReason() {
		Application application = submitted();
		ProcessInstance instance = root(application);

		driver.review(application, CaseVariables.DECISION_DENY,
				Map.of(CaseVariables.DENIAL_REASON, "missing-residency"));
		driver.runDueJobs(application);

		assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.END_DENIED);
		Application denied = driver.reload(application);
		assertThat(denied.getStatus()).isEqualTo(ApplicationStatus.DENIED);
		assertThat(denied.getDenialReason()).isEqualTo("missing-residency");
		assertThat(bodyOf(lastMailTo(application))).containsIgnoringCase("proof of Connecticut residency");
		assertThat(registrations.findByApplicationOrderByIssuedAtDesc(denied)).isEmpty();
	}

	@Test
	void review_denialWithoutReason_refusedAndTaskStaysOpen() {
		Application application = submitted();
		Task review = driver.reviewTask(application);

		assertThatThrownBy(() -> taskService.complete(review.getId(),
				Map.of(CaseVariables.REVIEW_DECISION, CaseVariables.DECISION_DENY)))
			.hasMessageContaining("A denial needs a reason");

		assertThat(driver.reviewTask(application)).isNotNull();
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void review_requestsInformation_applicantAnswers_backToReviewThenApproved() {
		Application application = submitted();

		driver.review(application, CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(CaseVariables.INFORMATION_REQUEST, "Please upload a utility bill from the last 90 days."));
		driver.runDueJobs(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
		assertThat(bodyOf(lastMailTo(application))).contains("utility bill from the last 90 days");
		Task step = driver.currentStep(application);
		assertThat(step.getTaskDefinitionKey()).isEqualTo(ApplicationReviewProcess.TASK_PROVIDE_INFORMATION);

		driver.complete(application, ApplicationReviewProcess.TASK_PROVIDE_INFORMATION,
				Map.of(CaseVariables.INFORMATION_RESPONSE, "Uploaded my October electricity bill."));

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		Task secondReview = driver.reviewTask(application);
		assertThat(secondReview).isNotNull();
		assertThat((String) taskService.getVariable(secondReview.getId(), CaseVariables.REVIEW_HISTORY))
			.contains("DCP asked: Please upload a utility bill from the last 90 days.")
			.contains("Applicant answered: Uploaded my October electricity bill.");
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
	}

	@Test
	void review_reminderFires_priorityRaised() {
		Application application = submitted();

		driver.fireTimer(application, ApplicationReviewProcess.TIMER_REVIEW_REMINDER);

		assertThat(driver.reviewTask(application).getPriority()).isEqualTo(ApplicationReviewProcess.RAISED_PRIORITY);
		assertThat(taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskCandidateGroup(StaffGroups.SUPERVISORS)
			.taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
			.count()).isZero();
	}

	@Test
	void review_slaBreached_supervisorEscalated_thenReviewCompletionClosesEscalation() {
		Application application = submitted();
		ProcessInstance instance = root(application);

		driver.fireTimer(application, ApplicationReviewProcess.TIMER_REVIEW_SLA_BREACHED);

		Task escalation = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
			.taskCandidateGroup(StaffGroups.SUPERVISORS)
			.singleResult();
		assertThat(escalation).isNotNull();
		assertThat(driver.reviewTask(application)).as("the review stays open").isNotNull();

		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);

		assertThat(taskService.createTaskQuery().taskId(escalation.getId()).count()).isZero();
		assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.END_REGISTERED);
	}

	@Test
	void documents_missingAtCheck_backToUploadWithReasons_thenFixed() {
		Application application = driver.certify();
		driver.confirmProfile(application);
		driver.chooseDispensary(application, "DSP-BRISTOL");
		driver.chooseDocumentTypes(application);
		Task upload = driver.currentStep(application);
		assertThatThrownBy(() -> driver.complete(application, InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS,
				Map.of()))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("identity");

		// a step completed outside the API (e.g. Tasklist) still meets the process's own check
		taskService.complete(upload.getId());

		ProcessInstance instance = root(application);
		assertThat(instance).isWaitingAt(InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS);
		assertThat((String) runtimeVariable(application, CaseVariables.DOCUMENT_PROBLEMS))
			.containsIgnoringCase("identity")
			.containsIgnoringCase("residency");

		driver.uploadBothDocuments(application);

		assertThat(instance).isWaitingAt(InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS);
		assertThat(runtimeVariable(application, CaseVariables.DOCUMENT_PROBLEMS)).isNull();
	}

	@Test
	void attestations_notAllAgreed_refusedWithFieldErrors() {
		Application application = driver.certify();
		driver.confirmProfile(application);
		driver.chooseDispensary(application, "DSP-BRISTOL");
		driver.chooseDocumentTypes(application);
		driver.uploadBothDocuments(application);

		assertThatThrownBy(() -> driver.complete(application, InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS,
				Map.of("attestInformationTrue", true, "attestUnderstandsLaw", true, "attestNoDiversion", false,
						"attestConsentToVerification", true)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("attestNoDiversion"));
		assertThat(root(application)).isWaitingAt(InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS);
	}

	@Test
	void step_unknownOrInternalField_refused_nothingStored() {
		Application application = driver.certify();

		assertThatThrownBy(() -> driver.complete(application, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.REVIEW_DECISION, "approve")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey(CaseVariables.REVIEW_DECISION));

		assertThat(root(application)).isWaitingAt(InitialRegistrationProcess.TASK_CONFIRM_PROFILE);
		assertThat(runtimeVariable(application, CaseVariables.REVIEW_DECISION)).isNull();
		assertThat(runtimeVariable(application, CaseVariables.PROFILE_CONFIRMED)).isNull();
	}

	@Test
	void profile_correctionRequested_providerCorrects_applicantConfirms() {
		Application application = driver.certify();

		assertThatThrownBy(() -> driver.complete(application, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, false)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey(CaseVariables.CORRECTION_REQUEST));
		driver.complete(application, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, false, CaseVariables.CORRECTION_REQUEST,
						"My street is 21 Elm Street"));

		Task correction = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskAssignee("provider@example.org")
			.singleResult();
		assertThat(correction.getTaskDefinitionKey()).isEqualTo(InitialRegistrationProcess.TASK_CORRECT_PROFILE);
		taskService.complete(correction.getId(),
				Map.of(CaseVariables.FIRST_NAME, "Jordan", CaseVariables.LAST_NAME, "Rivera",
						CaseVariables.DATE_OF_BIRTH, "1980-05-17", CaseVariables.STREET, "21 Elm Street",
						CaseVariables.CITY, "Hartford", CaseVariables.ZIP, "06106"));

		assertThat(root(application)).isWaitingAt(InitialRegistrationProcess.TASK_CONFIRM_PROFILE);
		assertThat(driver.reload(application).getApplicant().getStreet()).isEqualTo("21 Elm Street");
		// issue 14: the confirm form shows the corrected profile from our tables, not from a copy in the variables
		assertThat(steps.formValues(driver.currentStep(application))).containsEntry(CaseVariables.STREET,
				"21 Elm Street");
		assertThat(runtimeVariable(application, CaseVariables.STREET)).isNull();
		driver.confirmProfile(application);
		assertThat(root(application)).isWaitingAt(InitialRegistrationProcess.TASK_CHOOSE_DISPENSARY);
	}

	@Test
	void certify_patientWithARegistrationInProgress_refused() {
		Application application = driver.certify();

		assertThatThrownBy(() -> driver.certify(CaseDriver.certificationFor(application.getApplicant().getEmail(),
				application.getApplicant().getDateOfBirth(), false)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already has a registration in progress");
	}

	@Test
	void neverSubmitted_certificationExpires_applicationClosedAndEmailed() {
		Application application = driver.certify();
		ProcessInstance instance = root(application);
		driver.confirmProfile(application);

		driver.fireTimer(application, InitialRegistrationProcess.TIMER_CERTIFICATION_EXPIRED);
		driver.runDueJobs(application);

		assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.END_APPLICATION_CLOSED);
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
		assertThat(Mails.subject(lastMailTo(application))).containsIgnoringCase("closed");
		assertThat(taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.count()).isZero();
	}

	@Test
	void certificationExpiryTimer_isDueTheDayAfterTheCertificationEnds() {
		Application application = driver.certify();

		var timer = driver.processInstances(application).stream()
			.flatMap(instance -> processEngine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(InitialRegistrationProcess.TIMER_CERTIFICATION_EXPIRED)
				.list()
				.stream())
			.findFirst()
			.orElseThrow();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(application.getCertification()
			.getExpiresOn()
			.plusDays(1)
			.atStartOfDay(CaseStarter.PROGRAM_ZONE)
			.toInstant());
	}

	/**
	 * Issue 14: the engine carries the flow, our tables the case. A finished registration's variables, at run time
	 * and in history (instances and details, the review's too), hold no profile, address, certification, choice or
	 * document data; the decision and the flow facts are there.
	 */
	@Test
	void finishedCase_variablesHoldTheFlowNotTheCase() {
		Application application = submitted();
		ProcessInstance instance = root(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		Application approved = driver.reload(application);
		assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.END_REGISTERED);

		List<String> instances = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(approved.getApplicationNumber())
			.list()
			.stream()
			.map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
			.toList();
		assertThat(instances).as("the registration and its review").hasSize(2);
		Map<String, Object> history = new java.util.HashMap<>();
		List<Object> values = new java.util.ArrayList<>();
		for (String instanceId : instances) {
			historyService.createHistoricVariableInstanceQuery()
				.processInstanceId(instanceId)
				.includeDeleted()
				.list()
				.forEach(variable -> {
					history.put(variable.getName(), variable.getValue());
					values.add(variable.getValue());
				});
			historyService.createHistoricDetailQuery()
				.processInstanceId(instanceId)
				.list()
				.forEach(detail -> {
					if (detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate update) {
						history.put(update.getVariableName(), update.getValue());
						values.add(update.getValue());
					}
				});
		}
		assertThat(history).as("flow facts and the decision are kept")
			.containsEntry(CaseVariables.APPLICATION_NUMBER, approved.getApplicationNumber())
			.containsEntry(CaseVariables.REVIEW_DECISION, CaseVariables.DECISION_APPROVE)
			.containsEntry(CaseVariables.PROFILE_CONFIRMED, true);
		assertThat(history.keySet()).as("no case data in the engine's history")
			.doesNotContainAnyElementsOf(CaseFormValues.KEYS)
			.doesNotContain(CaseVariables.DOCUMENT_PROBLEMS, CaseVariables.PAYMENT_METHOD_TOKEN,
					CaseVariables.CARD_LAST4);
		Person applicant = approved.getApplicant();
		List<String> personal = List.of(applicant.getFirstName(), applicant.getLastName(), applicant.getStreet(),
				applicant.getCity(), applicant.getZip(), applicant.getDateOfBirth().toString(),
				applicant.getFullName(), approved.getCertification().getCertificationDate().toString(),
				approved.getDispensaryCode(), approved.getIdentityDocumentType(), approved.getResidencyDocumentType());
		assertThat(values).as("no value is a copy of the profile, certification or choices")
			.noneMatch(value -> value instanceof String text && personal.contains(text));
		assertThat(approved.getAttestedAt()).as("the attestations are on the case").isNotNull();
		assertThat(processEngine.getRuntimeService().createVariableInstanceQuery()
			.processInstanceIdIn(instances.toArray(String[]::new))
			.count()).as("nothing left at run time").isZero();
	}

	private Application submitted() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		assertThat(driver.reviewTask(application)).isNotNull();
		return application;
	}

	/** The case's process instance; bpm-assert follows it into history once it has ended. */
	private ProcessInstance root(Application application) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

	private Object runtimeVariable(Application application, String name) {
		return processEngine.getRuntimeService().getVariable(driver.reload(application).getProcessInstanceId(), name);
	}

	private static List<MimeMessage> mailsTo(Application application) {
		return Mails.to(application.getApplicant().getEmail());
	}

	private static MimeMessage lastMailTo(Application application) {
		return Mails.lastTo(application.getApplicant().getEmail());
	}

	private static String bodyOf(MimeMessage message) {
		return Mails.text(message);
	}

}
