package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mmpcase.caregiver.CaregiverRequest;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.caregiver.Relationship;
import org.mmpcase.certificate.RegistrationEvent.Action;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.renewal.RenewalService;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A registration's life after it was issued, as {@link RegistrationLife} changes it: a patient's caregiver follows
 * the patient, reminders stop and restart, every change is on the history, two changes at once do not both win.
 */
class RegistrationLifeScenarioTests extends ProcessTest {

	private static final ZoneId ZONE = CaseStarter.PROGRAM_ZONE;

	@Autowired
	RegistrationLife life;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	VerificationService verification;

	@Autowired
	CaregiverService caregivers;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void suspension_caregiverFollows_remindersStop_renewalRefused_thenLifted_bothValidAgain() {
		Pair pair = patientWithCaregiver();
		String lastDay = LocalDate.now(ZONE).plusDays(30).toString();

		life.suspend(pair.patient.getRegistrationNumber(), "supervisor", "DIVERSION", "seen at two dispensaries",
				LocalDate.parse(lastDay));

		assertThat(verification.verify(pair.patient.getRegistrationNumber()).status()).isEqualTo("suspended");
		assertThat(verification.verify(pair.caregiver.getRegistrationNumber()).status()).isEqualTo("suspended");
		assertThat(reminders(pair.patient)).isZero();
		assertThat(reminders(pair.caregiver)).isZero();
		Registration suspended = reload(pair.patient);
		assertThatThrownBy(() -> RenewalService.requireRenewable(suspended, LocalDate.now(ZONE)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("suspended by DCP until " + lastDay);
		assertThat(life.adverseActionSince(suspended.getHolder(), java.time.Instant.now().minusSeconds(60))).isTrue();

		life.reinstate(pair.patient.getRegistrationNumber(), "supervisor", Action.SUSPENSION_LIFTED, "cleared");

		assertThat(verification.verify(pair.patient.getRegistrationNumber()).status()).isEqualTo("valid");
		assertThat(verification.verify(pair.caregiver.getRegistrationNumber()).status()).isEqualTo("valid");
		assertThat(reminders(pair.patient)).isEqualTo(1);
		assertThat(reminders(pair.caregiver)).isEqualTo(1);
		assertThat(life.history(reload(pair.patient))).extracting(RegistrationEvent::getAction, RegistrationEvent::getActor)
			.containsSubsequence(org.assertj.core.groups.Tuple.tuple(Action.ISSUED, RegistrationEvent.SYSTEM),
					org.assertj.core.groups.Tuple.tuple(Action.SUSPENDED, "supervisor"),
					org.assertj.core.groups.Tuple.tuple(Action.SUSPENSION_LIFTED, "supervisor"));
		assertThat(life.history(reload(pair.caregiver))).extracting(RegistrationEvent::getAction,
				RegistrationEvent::getReason)
			.contains(org.assertj.core.groups.Tuple.tuple(Action.SUSPENDED, RegistrationLife.FOLLOWS_PATIENT),
					org.assertj.core.groups.Tuple.tuple(Action.SUSPENSION_LIFTED, RegistrationLife.FOLLOWS_PATIENT));
	}

	@Test
	void suspension_lastDayPassed_countsAsValidFromTheNextDay_evenBeforeItIsLifted() {
		Registration registration = registered();
		LocalDate today = LocalDate.now(ZONE);

		Registration suspended = life.suspend(registration.getRegistrationNumber(), "supervisor", "OTHER", null, today);

		assertThat(suspended.standingOn(today)).isEqualTo(Registration.Standing.SUSPENDED);
		assertThat(suspended.standingOn(today.plusDays(1))).isEqualTo(Registration.Standing.VALID);
		assertThat(suspended.isValidOn(today.plusDays(1))).isTrue();
		RenewalService.requireRenewable(suspended, today.plusDays(1));
	}

	@Test
	void caregiverSuspendedOnItsOwn_staysSuspended_whenThePatientsSuspensionIsLifted() {
		Pair pair = patientWithCaregiver();
		life.suspend(pair.caregiver.getRegistrationNumber(), "supervisor", "FALSE_INFORMATION", null, null);
		life.suspend(pair.patient.getRegistrationNumber(), "supervisor", "DIVERSION", null, null);

		life.reinstate(pair.patient.getRegistrationNumber(), "supervisor", Action.SUSPENSION_LIFTED, null);

		assertThat(reload(pair.patient).getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(reload(pair.caregiver).getStatus()).isEqualTo(Registration.Status.SUSPENDED);
	}

	@Test
	void revocation_isFinal_caregiverFollows_andNothingLiftsIt() {
		Pair pair = patientWithCaregiver();

		life.revoke(pair.patient.getRegistrationNumber(), "supervisor", "FALSE_INFORMATION", null);

		assertThat(verification.verify(pair.patient.getRegistrationNumber()).status()).isEqualTo("revoked");
		assertThat(verification.verify(pair.caregiver.getRegistrationNumber()).status()).isEqualTo("revoked");
		assertThatThrownBy(() -> life.reinstate(pair.patient.getRegistrationNumber(), "supervisor",
				Action.SUSPENSION_LIFTED, null))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This registration is not suspended.");
		assertThatThrownBy(() -> life.revoke(pair.patient.getRegistrationNumber(), "supervisor", "OTHER", null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already ended (revoked)");
		assertThatThrownBy(() -> RenewalService.requireRenewable(reload(pair.patient), LocalDate.now(ZONE)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("revoked");
	}

	@Test
	void surrender_endsAtOnce_withTheCaregivers_andRemindersStop() {
		Pair pair = patientWithCaregiver();

		List<Registration> ended = life.end(pair.patient.getRegistrationNumber(),
				pair.patient.getHolder().getEmail(), "SURRENDERED", null);

		assertThat(ended).extracting(Registration::getRegistrationNumber)
			.containsExactly(pair.patient.getRegistrationNumber(), pair.caregiver.getRegistrationNumber());
		assertThat(verification.verify(pair.patient.getRegistrationNumber()).status()).isEqualTo("ended");
		assertThat(verification.verify(pair.caregiver.getRegistrationNumber()).status()).isEqualTo("ended");
		assertThat(reminders(pair.patient)).isZero();
		assertThat(reminders(pair.caregiver)).isZero();
	}

	@Test
	void caregiversExpiry_movedToThePatients_onItsHistory() {
		Pair pair = patientWithCaregiver();
		LocalDate earlier = pair.caregiver.getExpiresOn().minusMonths(2);

		assertThat(life.endNoLaterThan(pair.caregiver, earlier, "PATIENT_ENDS", null)).isTrue();
		assertThat(life.endNoLaterThan(pair.caregiver, earlier.plusDays(5), "PATIENT_ENDS", null)).isFalse();

		assertThat(reload(pair.caregiver).getExpiresOn()).isEqualTo(earlier);
		assertThat(reminders(pair.caregiver)).isEqualTo(1);
		assertThat(life.history(reload(pair.caregiver))).extracting(RegistrationEvent::getAction)
			.containsOnlyOnce(Action.EXPIRY_SHORTENED);
	}

	@Test
	void twoSuspensionsAtOnce_oneWins_theOtherIsToldWhy() throws Exception {
		Registration registration = registered();
		String number = registration.getRegistrationNumber();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> results = new ArrayList<>();
			for (String who : List.of("first", "second")) {
				Callable<Object> suspend = () -> {
					start.await();
					try {
						return life.suspend(number, who, "OTHER", null, null).getStatus();
					}
					catch (ConflictException ex) {
						return ex;
					}
				};
				results.add(pool.submit(suspend));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				outcomes.add(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn(Registration.Status.SUSPENDED::equals).hasSize(1);
			assertThat(outcomes).filteredOn(ConflictException.class::isInstance)
				.singleElement()
				.extracting(outcome -> ((ConflictException) outcome).getMessage())
				.isEqualTo("Only a valid registration can be suspended; this one is suspended.");
			assertThat(life.history(reload(registration))).extracting(RegistrationEvent::getAction)
				.containsOnlyOnce(Action.SUSPENDED);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private record Pair(Registration patient, Registration caregiver) {
	}

	private Pair patientWithCaregiver() {
		Application patient = driver
			.certify(CaseDriver.certificationFor(CaseDriver.uniqueEmail("life-patient"), LocalDate.of(1950, 1, 1), true));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);
		Application caregiver = caregivers.nameCaregiver(driver.reload(patient), new CaregiverRequest("Casey", "Carer",
				LocalDate.of(1970, 3, 4), CaseDriver.uniqueEmail("life-caregiver"), "5 Oak Avenue", "New Haven", "06510",
				Relationship.OTHER));
		driver.completeApplicantSteps(caregiver);
		driver.review(caregiver, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiver);
		return new Pair(permanentOf(patient), permanentOf(caregiver));
	}

	private Registration registered() {
		return permanentOf(driver.registeredPatient(LocalDate.now().minusMonths(1)));
	}

	private Registration permanentOf(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application)).get(0);
	}

	private Registration reload(Registration registration) {
		return registrations.findById(registration.getId()).orElseThrow();
	}

	private long reminders(Registration registration) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationExpiryProcess.PROCESS_KEY)
			.processInstanceBusinessKey(registration.getRegistrationNumber())
			.count();
	}

}
