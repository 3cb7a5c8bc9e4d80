package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.Person;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class PaymentServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SandboxPaymentGateway gateway = new SandboxPaymentGateway(clock);

	private final List<Payment> stored = new ArrayList<>();

	private final Application application = application();

	private PaymentService service;

	@BeforeEach
	void setUp() {
		PaymentRepository payments = mock(PaymentRepository.class);
		when(payments.save(any())).thenAnswer(invocation -> {
			Payment payment = invocation.getArgument(0);
			ReflectionTestUtils.setField(payment, "id", (long) stored.size() + 1);
			stored.add(payment);
			return payment;
		});
		when(payments.findById(anyLong()))
			.thenAnswer(invocation -> Optional.of(stored.get((int) (long) invocation.<Long>getArgument(0) - 1)));
		when(payments.findByApplicationAndPaymentMethodTokenAndStatusInOrderByCreatedAtDesc(any(), any(), any()))
			.thenAnswer(invocation -> stored.stream()
				.filter(payment -> ReflectionTestUtils.getField(payment, "paymentMethodToken")
					.equals(invocation.getArgument(1)))
				.filter(payment -> invocation.<Collection<Payment.Status>>getArgument(2).contains(payment.getStatus()))
				.toList());
		ApplicationRepository applications = mock(ApplicationRepository.class);
		when(applications.getReferenceById(any())).thenReturn(application);
		service = new PaymentService(payments, applications, gateway, new NoTransactions(),
				new PaymentProperties("sandbox", "USD"), mock(org.springframework.context.ApplicationEventPublisher.class), clock);
	}

	@Test
	void successCard_chargedOnceAndRecorded() {
		PaymentMethod card = tokenize("4242424242424242");

		Payment payment = service.charge(application, new BigDecimal("100.00"), card);

		assertThat(payment.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(payment.getAmountCents()).isEqualTo(10_000);
		assertThat(payment.getGatewayReference()).startsWith("ch_");
		assertThat(payment.getCardLast4()).isEqualTo("4242");
		assertThat(gateway.chargeCount()).isEqualTo(1);
	}

	@Test
	void timeoutThenRetry_sameKeyAndOneCharge() {
		PaymentMethod card = tokenize("4000000000000119");

		assertThatThrownBy(() -> service.charge(application, new BigDecimal("25"), card))
			.isInstanceOf(PaymentGatewayUnavailableException.class);
		assertThat(stored).singleElement().extracting(Payment::getStatus).isEqualTo(Payment.Status.PENDING);

		Payment payment = service.charge(application, new BigDecimal("25"), card);

		assertThat(stored).hasSize(1);
		assertThat(payment.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(gateway.chargeCount()).isEqualTo(1);
	}

	@Test
	void retryAfterSuccess_notChargedAgain() {
		PaymentMethod card = tokenize("4242424242424242");
		service.charge(application, new BigDecimal("25"), card);

		service.charge(application, new BigDecimal("25"), card);

		assertThat(stored).hasSize(1);
		assertThat(gateway.chargeCount()).isEqualTo(1);
	}

	@Test
	void declinedCard_recordedAndThrown_anotherCardThenCharged() {
		PaymentMethod declined = tokenize("4000000000009995");

		assertThatThrownBy(() -> service.charge(application, new BigDecimal("25"), declined))
			.isInstanceOfSatisfying(PaymentDeclinedException.class, ex -> {
				assertThat(ex.getDeclineCode()).isEqualTo(ChargeResult.INSUFFICIENT_FUNDS);
				assertThat(ex.applicantMessage()).contains("Please use another card.");
			});
		assertThat(stored.get(0).getStatus()).isEqualTo(Payment.Status.DECLINED);

		PaymentMethod good = tokenize("4242424242424242");
		assertThat(service.charge(application, new BigDecimal("25"), good)
			.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
		assertThat(stored).hasSize(2);
	}

	@Test
	void dollars_toCents() {
		assertThat(PaymentService.toCents(new BigDecimal("100"))).isEqualTo(10_000);
		assertThat(PaymentService.toCents(new BigDecimal("25.5"))).isEqualTo(2_550);
		assertThat(PaymentService.toCents(new BigDecimal("100.0"))).isEqualTo(10_000);
	}

	private PaymentMethod tokenize(String number) {
		return gateway.tokenize(new CardDetails(number, 12, 30, "123", "Pat Doe"));
	}

	private static Application application() {
		Person patient = new Person("Pat", "Doe", LocalDate.of(1980, 1, 1), "pat@example.org", "1 Main St",
				"Hartford", "06101", NOW);
		Certification certification = new Certification(patient, "dr@example.org", LocalDate.of(2026, 3, 1), 12,
				"(not used)", false, NOW);
		return new Application("A-TEST-0001", ApplicationKind.INITIAL, ApplicantRole.PATIENT, patient, patient,
				certification, NOW);
	}

	/** Runs the callbacks directly: these tests are about the order of the steps, not the database. */
	static class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
