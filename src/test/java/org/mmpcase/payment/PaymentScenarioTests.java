package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFees;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * The payment path, with the pre-2023 fees deployed as a process owner would deploy an edited fee schedule (and
 * removed again afterwards, so the $0 schedule is back for the other tests).
 */
class PaymentScenarioTests extends ProcessTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	PaymentRepository payments;

	@Autowired
	PaymentCards cards;

	@Autowired
	SandboxPaymentGateway gateway;

	@Autowired
	IncompleteEventPublications events;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

	String feeDeployment;

	@BeforeEach
	void deployFees() {
		feeDeployment = TestFees.deploy(repositoryService);
	}

	@AfterEach
	void removeFees() {
		TestFees.remove(repositoryService, feeDeployment);
	}

	@Test
	void payment_declinedThenAnotherCard_paidOnceAndSubmitted() {
		Application application = driver.atPayment();
		ProcessInstance instance = instance(application);
		assertThat(instance).isWaitingAt(InitialRegistrationProcess.TASK_ENTER_PAYMENT);
		assertThat(((Number) variable(application, CaseVariables.FEE)).doubleValue()).isEqualTo(100.0);

		driver.pay(application, "4000 0000 0000 0002");
		driver.runDueJobs(application);

		assertThat(instance).isWaitingAt(InitialRegistrationProcess.TASK_ENTER_PAYMENT);
		assertThat((String) variable(application, CaseVariables.PAYMENT_DECLINE_REASON)).contains("another card");

		driver.pay(application, "4242 4242 4242 4242");
		driver.runDueJobs(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		List<Payment> all = payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application));
		assertThat(all).extracting(Payment::getStatus)
			.containsExactly(Payment.Status.SUCCEEDED, Payment.Status.DECLINED);
		assertThat(all.get(0).getAmountCents()).isEqualTo(10_000);
		assertThat(all.get(0).getCardLast4()).isEqualTo("4242");
		assertThat(gateway.chargeCount(all.get(0).getIdempotencyKey())).isEqualTo(1);
	}

	@Test
	void payment_gatewayTimesOut_retriedWithSameKey_chargedOnce() {
		Application application = driver.atPayment();

		driver.pay(application, "4000 0000 0000 0119");
		var job = driver.dueJobs(application).get(0);
		assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
			.hasStackTraceContaining(PaymentGatewayUnavailableException.class.getSimpleName());
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.IN_PROGRESS);
		var retried = processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
		assertThat(retried.getRetries()).isLessThan(5);
		assertThat(retried.getExceptionMessage()).doesNotContain("4000");

		processEngine.getManagementService().executeJob(job.getId());

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		List<Payment> all = payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application));
		assertThat(all).singleElement().extracting(Payment::getStatus).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(gateway.chargeCount(all.get(0).getIdempotencyKey())).isEqualTo(1);
	}

	@Test
	void payment_cardNumberNeverStoredInTheEngine() {
		Application application = driver.atPayment();

		driver.pay(application, "4242 4242 4242 4242");
		driver.runDueJobs(application);

		List<String> names = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance(application).getId())
			.list()
			.stream()
			.map(variable -> variable.getName() + "=" + variable.getValue())
			.toList();
		assertThat(names).noneMatch(entry -> entry.contains("4242424242424242") || entry.contains("4242 4242"))
			.noneMatch(entry -> entry.startsWith("cardNumber") || entry.startsWith("cardCvc"));
		assertThat(names).as("the gateway's token and the card facts are not variables either")
			.noneMatch(entry -> CaseVariables.FORMER_CARD.stream().anyMatch(name -> entry.startsWith(name + "=")));
		assertThat(cards.of(application)).hasValueSatisfying(card -> {
			assertThat(card.last4()).isEqualTo("4242");
			assertThat(card.token()).isNotBlank();
		});
		assertThat(payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application))).singleElement()
			.satisfies(payment -> {
				assertThat(payment.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
				assertThat(payment.getCardLast4()).isEqualTo("4242");
			});
	}

	@Test
	void payment_mailServerDownWhenPaid_receiptSentOnceItsEventIsResubmitted() throws Exception {
		Application application = driver.atPayment();
		Mails.whileServerDown(mailSender, () -> {
			driver.pay(application, "4242 4242 4242 4242");
			driver.runDueJobs(application);
			return null;
		});
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(Mails.receiptsTo(application.getApplicant().getEmail())).isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> !incomplete().isEmpty());

		events.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		await().atMost(Duration.ofSeconds(20)).until(() -> incomplete().isEmpty());
		events.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		assertThat(Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1)).singleElement()
			.satisfies(mail -> assertThat(Mails.text(mail)).contains("$100.00",
					"Visa ending in 4242"));
	}

	private java.util.Collection<?> incomplete() {
		return registry.findIncompletePublications()
			.stream()
			.filter(publication -> publication.getEvent() instanceof PaymentSucceeded)
			.toList();
	}

	private ProcessInstance instance(Application application) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

	private Object variable(Application application, String name) {
		return processEngine.getRuntimeService().getVariable(driver.reload(application).getProcessInstanceId(), name);
	}

}
