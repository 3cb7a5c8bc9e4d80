package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.payment.CardDetails;
import org.mmpcase.payment.Payment;
import org.mmpcase.payment.PaymentCards;
import org.mmpcase.payment.PaymentGateway;
import org.mmpcase.payment.PaymentMethod;
import org.mmpcase.payment.PaymentRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseFormValues;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.registration.StepService;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFees;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14: cases started on the model before it (start variables with the whole profile and certification, steps
 * that wrote their choices as variables, a review that got every variable) are upgraded by the command
 * {@code --mmp.cases.migrate-running=true} and finish on the new code.
 */
class CaseVariableMigrationTests extends ProcessTest {

	@Autowired
	CaseVariableMigration migration;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	StepService steps;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	PaymentCards cards;

	@Autowired
	PaymentRepository payments;

	@Test
	void caseWaitingForItsCharge_cardInTheVariables_movedToOurTableAndChargedOnce() {
		String fees = TestFees.deploy(repositoryService);
		try {
			Application application = driver.atPayment();
			// the card form as the old code completed it: the gateway's token and the card facts as variables
			PaymentMethod card = gateway.tokenize(new CardDetails("4242424242424242", 12,
					java.time.Year.now().getValue() + 2, "123", "Jordan Rivera"));
			taskService.complete(driver.currentStep(application).getId(),
					Map.of(CaseVariables.PAYMENT_METHOD_TOKEN, card.token(), CaseVariables.CARD_BRAND, card.brand(),
							CaseVariables.CARD_LAST4, card.last4()));
			assertThat(cards.of(application)).isEmpty();

			migration.run();

			assertThat(runtimeService.getVariables(instance(application).getId()).keySet())
				.as("the card is no longer a variable").doesNotContainAnyElementsOf(CaseVariables.FORMER_CARD);
			assertThat(cards.of(application)).contains(card);
			driver.runDueJobs(application);
			assertThat(payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application))).singleElement()
				.satisfies(payment -> {
					assertThat(payment.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
					assertThat(payment.getCardLast4()).isEqualTo("4242");
				});
		}
		finally {
			TestFees.remove(repositoryService, fees);
		}
	}

	@Test
	void casesStartedOnTheOldModel_copiesRemovedAndMovedToTheNewVersion_thenFinish() throws IOException {
		ProcessDefinition old = deploy("legacy/initial-registration-before-issue-14.bpmn",
				getClass().getClassLoader().getResourceAsStream("legacy/initial-registration-before-issue-14.bpmn"));

		// one case still at its first step, one in review: each with what the old code put into its variables
		Application early = driver.certify();
		setOldStartVariables(early);
		Application inReview = driver.certify();
		setOldStartVariables(inReview);
		driver.confirmProfile(inReview);
		driver.chooseDispensary(inReview, "DSP-HARTFORD");
		driver.chooseDocumentTypes(inReview);
		runtimeService.setVariables(instance(inReview).getId(), Map.of(CaseVariables.DISPENSARY_CODE,
				"DSP-HARTFORD", CaseVariables.IDENTITY_DOCUMENT_TYPE, "drivers-license",
				CaseVariables.RESIDENCY_DOCUMENT_TYPE, "utility-bill"));
		driver.uploadBothDocuments(inReview);
		// the old sign step completed the task with the four attestations and kept nothing on the case
		Map<String, Object> attestations = new HashMap<>();
		CaseVariables.ATTESTATIONS.forEach(attestation -> attestations.put(attestation, true));
		taskService.complete(driver.currentStep(inReview).getId(), attestations);
		// and a case whose dispensary only its variables hold: the command must copy it before removing it
		jdbc.update("update application set dispensary_code = null where application_number = ?",
				inReview.getApplicationNumber());
		ProcessInstance review = reviewInstance(inReview);
		assertThat(instance(early).getProcessDefinitionId()).isEqualTo(old.getId());
		assertThat(instance(inReview).getProcessDefinitionId()).isEqualTo(old.getId());
		assertThat(runtimeService.getVariables(review.getId())).as("the old review got every variable")
			.containsKeys(CaseVariables.FIRST_NAME, CaseVariables.STREET, CaseVariables.DISPENSARY_CODE,
					CaseVariables.CERTIFICATION_TERM_MONTHS, "attestNoDiversion");

		ProcessDefinition current = deploy("initial-registration.bpmn",
				Files.newInputStream(Path.of("processes/registration/initial-registration.bpmn")));
		// an operator had suspended one of them: it is upgraded all the same, and goes on once activated
		runtimeService.suspendProcessInstanceById(instance(early).getId());
		CaseVariableMigration.Result result = migration.run();
		assertThat(instance(early).isSuspended()).as("still suspended").isTrue();
		runtimeService.activateProcessInstanceById(instance(early).getId());

		assertThat(result.withoutCase()).doesNotContain(early.getApplicationNumber(), inReview.getApplicationNumber());
		assertThat(result.variablesRemoved()).isGreaterThanOrEqualTo(3 * 10);
		for (ProcessInstance instance : List.of(instance(early), instance(inReview), review)) {
			assertThat(runtimeService.getVariables(instance.getId()).keySet()).as("copies of the case removed")
				.doesNotContainAnyElementsOf(CaseFormValues.KEYS);
		}
		assertThat(instance(early).getProcessDefinitionId()).isEqualTo(current.getId());
		assertThat(instance(inReview).getProcessDefinitionId()).isEqualTo(current.getId());
		assertThat(runtimeService.getVariables(review.getId())).as("what the review reads is still there")
			.containsEntry(CaseVariables.APPLICATION_NUMBER, inReview.getApplicationNumber())
			.containsEntry(CaseVariables.APPLICANT, inReview.getApplicant().getEmail())
			.doesNotContainKeys(CaseVariables.PROVIDER, CaseVariables.FEE);
		Application kept = driver.reload(inReview);
		assertThat(kept.getDispensaryCode()).as("copied to the case first").isEqualTo("DSP-HARTFORD");
		assertThat(kept.getAttestedAt()).as("the signature's time, from the history").isNotNull();
		assertThat(steps.formValues(driver.currentStep(early))).as("the form reads the profile from our tables")
			.containsEntry(CaseVariables.FIRST_NAME, early.getApplicant().getFirstName())
			.containsEntry(CaseVariables.STREET, early.getApplicant().getStreet());
		assertThat(migration.run().variablesRemoved()).as("a second run has nothing to do").isZero();

		// both finish on the new code
		ProcessInstance earlyInstance = instance(early);
		ProcessInstance inReviewInstance = instance(inReview);
		driver.review(inReview, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(inReview);
		driver.completeApplicantSteps(early);
		driver.review(early, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(early);
		for (ProcessInstance instance : List.of(earlyInstance, inReviewInstance)) {
			assertThat(instance).isEnded().hasPassed(InitialRegistrationProcess.END_REGISTERED);
			assertThat(historyService.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableName(CaseVariables.REVIEW_NOTES)
				.count()).as("the new call activity returns only the decision").isZero();
		}
		assertThat(registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(inReview))).isNotEmpty();
		assertThat(registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(early))).isNotEmpty();
	}

	/** The start variables the case processes had before issue 14, besides those they still have. */
	private void setOldStartVariables(Application application) {
		Map<String, Object> variables = new HashMap<>(CaseFormValues.profile(application.getApplicant()));
		variables.put(CaseVariables.CERTIFICATION_DATE, application.getCertification().getCertificationDate()
			.toString());
		variables.put(CaseVariables.CERTIFICATION_TERM_MONTHS, application.getCertification().getTermMonths());
		runtimeService.setVariables(instance(application).getId(), variables);
	}

	private ProcessDefinition deploy(String name, InputStream model) {
		String deployment = repositoryService.createDeployment()
			.name("issue-14 migration test")
			.addInputStream(name.substring(name.lastIndexOf('/') + 1), model)
			.deploy()
			.getId();
		return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
	}

	private ProcessInstance instance(Application application) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

	private ProcessInstance reviewInstance(Application application) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.processDefinitionKey(ApplicationReviewProcess.KEY)
			.singleResult();
	}

}
