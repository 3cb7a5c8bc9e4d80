package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFees;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every payment path through the Stripe adapter, against a local server that answers as Stripe does: each ends with
 * exactly one charge at Stripe (or none) and exactly one receipt per successful payment.
 */
@TestPropertySource(properties = { "mmp.payment.gateway=stripe", "mmp.payment.stripe.secret-key=sk_test_stub",
		"mmp.payment.stripe.read-timeout=PT1S" })
@ExtendWith(OutputCaptureExtension.class)
class StripePaymentScenarioTests extends ProcessTest {

	private static final StripeStub STRIPE = new StripeStub(2_500);

	private static final String CARD_OK = "4242 4242 4242 4242";

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("mmp.payment.stripe.api-base", STRIPE::baseUrl);
	}

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	PaymentRepository payments;

	@Autowired
	PaymentService paymentService;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	EventPublicationRegistry events;

	@Autowired
	JdbcTemplate jdbc;

	String feeDeployment;

	@BeforeEach
	void deployFees() {
		STRIPE.reset();
		feeDeployment = TestFees.deploy(repositoryService);
	}

	@AfterEach
	void removeFees() {
		TestFees.remove(repositoryService, feeDeployment);
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.stop();
	}

	@Test
	void stripe_success_chargedOnce_receiptOnce(CapturedOutput output) {
		Application application = driver.atPayment();

		driver.pay(application, CARD_OK);
		driver.runDueJobs(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		Payment payment = onlyPayment(application);
		assertThat(payment.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(STRIPE.charges()).containsExactly(payment.getGatewayReference());
		assertThat(STRIPE.paymentIntentRequests()).extracting(StripeStub.Request::idempotencyKey)
			.containsExactly(payment.getIdempotencyKey());
		List<MimeMessage> receiptMails = Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1);
		assertThat(receiptMails).singleElement()
			.satisfies(mail -> assertThat(Mails.text(mail)).contains("$100.00", "Visa ending in 4242",
					payment.getGatewayReference(), application.getApplicationNumber()));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> events.findIncompletePublications().isEmpty());
		assertThat(Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1)).hasSize(1);
		assertNoCardData(application, output);
	}

	@Test
	void stripe_declinedThenAnotherCard_oneChargeOneReceipt() {
		Application application = driver.atPayment();

		driver.pay(application, "4000 0000 0000 0002");
		driver.runDueJobs(application);

		assertThat(driver.currentStep(application).getTaskDefinitionKey())
			.isEqualTo(InitialRegistrationProcess.TASK_ENTER_PAYMENT);
		assertThat(STRIPE.charges()).isEmpty();
		assertThat(Mails.receiptsTo(application.getApplicant().getEmail())).isEmpty();

		driver.pay(application, CARD_OK);
		driver.runDueJobs(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application)))
			.extracting(Payment::getStatus)
			.containsExactly(Payment.Status.SUCCEEDED, Payment.Status.DECLINED);
		assertThat(STRIPE.charges()).hasSize(1);
		assertThat(Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1)).hasSize(1);
	}

	@Test
	void stripe_timeoutThenSuccess_sameKey_oneCharge() {
		Application application = driver.atPayment();
		driver.pay(application, "4000 0000 0000 0119");
		var job = driver.dueJobs(application).get(0);

		assertThatThrownBy(() -> managementService.executeJob(job.getId()))
			.hasStackTraceContaining(PaymentGatewayUnavailableException.class.getSimpleName());
		Payment pending = onlyPayment(application);
		assertThat(pending.getStatus()).isEqualTo(Payment.Status.PENDING);
		assertThat(STRIPE.charges()).as("Stripe charged, the answer was lost").hasSize(1);

		managementService.executeJob(job.getId());
		driver.runDueJobs(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		Payment paid = onlyPayment(application);
		assertThat(paid.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(STRIPE.charges()).containsExactly(paid.getGatewayReference());
		assertThat(STRIPE.paymentIntentRequests()).extracting(StripeStub.Request::idempotencyKey)
			.containsExactly(pending.getIdempotencyKey(), pending.getIdempotencyKey());
		assertThat(STRIPE.paymentIntentRequests()).extracting(StripeStub.Request::replayed).containsExactly(false, true);
		assertThat(Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1)).hasSize(1);
	}

	@Test
	void stripe_crashBetweenChargeAndCommit_restartReconcilesWithTheSameKey_noSecondCharge() {
		Application application = driver.certify();
		PaymentMethod card = gateway.tokenize(card(CARD_OK));
		Payment first = paymentService.charge(application, new BigDecimal("100"), card);
		// what a crash after Stripe's answer and before the outcome's commit leaves: the payment still PENDING
		jdbc.update("update payment set status = 'PENDING', gateway_reference = null, receipt_sent_at = null where id = ?",
				first.getId());
		jdbc.update("delete from sent_email where dedup_key = ?", "payment-receipt:" + first.getId());
		TestMailServerPurge.purge();

		Payment afterRestart = paymentService.charge(application, new BigDecimal("100"), card);

		assertThat(afterRestart.getId()).isEqualTo(first.getId());
		assertThat(afterRestart.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(STRIPE.charges()).containsExactly(afterRestart.getGatewayReference());
		assertThat(STRIPE.paymentIntentRequests()).extracting(StripeStub.Request::replayed).containsExactly(false, true);
		assertThat(Mails.awaitReceiptsTo(application.getApplicant().getEmail(), 1)).hasSize(1);
	}

	@Test
	void stripe_unknownOutcomeReconciledBeforeANewCardIsCharged() {
		Application application = driver.certify();
		PaymentMethod slowCard = gateway.tokenize(card("4000 0000 0000 0119"));
		assertThatThrownBy(() -> paymentService.charge(application, new BigDecimal("100"), slowCard))
			.isInstanceOf(PaymentGatewayUnavailableException.class);
		PaymentMethod otherCard = gateway.tokenize(card(CARD_OK));

		Payment paid = paymentService.charge(application, new BigDecimal("100"), otherCard);

		assertThat(paid.getCardLast4()).as("the first card's charge stands").isEqualTo("0119");
		assertThat(STRIPE.charges()).hasSize(1);
		assertThat(STRIPE.paymentIntentRequests()).extracting(StripeStub.Request::paymentMethod)
			.containsOnly(slowCard.token());
	}

	@Test
	void stripe_noFee_noPaymentAtAll() {
		TestFees.remove(repositoryService, feeDeployment);
		feeDeployment = repositoryService.createDeployment().name("nothing").addString("empty.txt", "-").deploy().getId();
		Application application = driver.certify();

		driver.completeApplicantSteps(application);

		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application))).isEmpty();
		assertThat(STRIPE.paymentIntentRequests()).isEmpty();
		assertThat(Mails.receiptsTo(application.getApplicant().getEmail())).isEmpty();
	}

	private void assertNoCardData(Application application, CapturedOutput output) {
		String digits = "4242424242424242";
		List<String> paymentRows = jdbc.queryForList("select * from payment where application_id = ?",
				application.getId())
			.stream()
			.map(Object::toString)
			.toList();
		assertThat(paymentRows).isNotEmpty().noneMatch(row -> row.contains(digits) || row.contains("4242 4242"));
		assertThat(String.join(" ", paymentRows)).doesNotContain("cvc").doesNotContain("exp_");
		List<String> variables = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.list()
			.stream()
			.map(variable -> variable.getName() + "=" + variable.getValue())
			.toList();
		assertThat(variables).noneMatch(entry -> entry.contains(digits) || entry.contains("4242 4242"))
			.noneMatch(entry -> entry.startsWith("cardNumber") || entry.startsWith("cardCvc")
					|| entry.startsWith("cardExpiry"));
		assertThat(jdbc.queryForList("select text_ from act_hi_detail where text_ like ?", String.class,
				"%4242 4242%")).isEmpty();
		assertThat(output.getAll()).doesNotContain(digits).doesNotContain("4242 4242 4242");
	}

	private Payment onlyPayment(Application application) {
		List<Payment> all = payments.findByApplicationOrderByCreatedAtDesc(driver.reload(application));
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private static CardDetails card(String number) {
		YearMonth expiry = YearMonth.now().plusYears(2);
		return new CardDetails(number.replace(" ", ""), expiry.getMonthValue(), expiry.getYear(), "123",
				"Jordan Rivera");
	}

	/** The crash test starts its receipt count from nothing. */
	private static final class TestMailServerPurge {

		static void purge() {
			try {
				org.mmpcase.support.TestMailServer.get().purgeEmailFromAllMailboxes();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
