package org.mmpcase.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mmpcase.caregiver.CaregiverRequest;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.caregiver.Relationship;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationExpiryProcess;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The holder's own actions on a registration: dispensary, caregiver, surrender; one at a time. */
class HolderScenarioTests extends ProcessTest {

	@Autowired
	HolderRegistrations holder;

	@Autowired
	CaregiverService caregivers;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RegistrationLife life;

	@Autowired
	org.mmpcase.change.ChangeService changes;

	@Test
	void registrations_listed_withWhatTheHolderMayDo() {
		Patient patient = registeredPatient(true);

		List<RegistrationView> views = holder.of(patient.email());

		assertThat(views).singleElement().satisfies(view -> {
			assertThat(view.registrationNumber()).isEqualTo(patient.registration().getRegistrationNumber());
			assertThat(view.role()).isEqualTo("patient");
			assertThat(view.kind()).isEqualTo("permanent");
			assertThat(view.standing()).isEqualTo("valid");
			assertThat(view.holder().street()).isEqualTo("12 Elm Street");
			assertThat(view.patientName()).isNull();
			assertThat(view.dispensary().code()).isEqualTo("DSP-HARTFORD");
			assertThat(view.dispensaryChanges()).isEqualTo(new RegistrationView.DispensaryChanges(0, 4, 4, 12));
			assertThat(view.caregiver()).isNull();
			assertThat(view.pendingChange()).isNull();
			assertThat(view.actions()).containsExactly("change-address", "change-name", "change-dispensary",
					"name-caregiver", "surrender");
		});
		assertThat(holder.of("nobody@example.net")).isEmpty();
		assertThatThrownBy(
				() -> holder.one(patient.registration().getRegistrationNumber(), "someone-else@example.net"))
			.isInstanceOf(CaseNotFoundException.class);
	}

	@Test
	void dispensary_changesCounted_fifthRefusedSayingWhen_historyRecorded() {
		Patient patient = registeredPatient(false);
		String number = patient.registration().getRegistrationNumber();

		RegistrationView view = null;
		for (String code : List.of("DSP-BRISTOL", "DSP-STAMFORD", "DSP-NORWICH", "DSP-NEWHAVEN")) {
			view = holder.changeDispensary(number, patient.email(), code);
		}

		assertThat(view.dispensary().code()).isEqualTo("DSP-NEWHAVEN");
		assertThat(view.dispensaryChanges()).isEqualTo(new RegistrationView.DispensaryChanges(4, 4, 0, 12));
		assertThat(view.actions()).doesNotContain("change-dispensary");
		assertThatThrownBy(() -> holder.changeDispensary(number, patient.email(), "DSP-TORRINGTON"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already changed dispensary 4 times in the last 12 months")
			.hasMessageContaining("You can change it again on "
					+ org.mmpcase.certificate.CertificatePdf.DATE.format(LocalDate.now(org.mmpcase.registration.CaseStarter.PROGRAM_ZONE).plusMonths(12).plusDays(1)));
		assertThat(life.history(patient.registration()))
			.filteredOn(event -> event.getAction() == RegistrationEvent.Action.DISPENSARY_CHANGED)
			.extracting(RegistrationEvent::getNote)
			.containsExactly("DSP-HARTFORD -> DSP-BRISTOL", "DSP-BRISTOL -> DSP-STAMFORD",
					"DSP-STAMFORD -> DSP-NORWICH", "DSP-NORWICH -> DSP-NEWHAVEN");
	}

	@Test
	void caregiver_namedFromTheRegistration_thenReplaced_oldCaregiversRegistrationEnded_emailed() {
		Patient patient = registeredPatient(true);
		String number = patient.registration().getRegistrationNumber();
		Registration first = registeredCaregiver(patient, "first");

		RegistrationView named = holder.one(number, patient.email());
		assertThat(named.caregiver().email()).isEqualTo(first.getHolder().getEmail());
		assertThat(named.caregiver().registrationNumber()).isEqualTo(first.getRegistrationNumber());
		assertThat(named.caregiver().standing()).isEqualTo("valid");
		assertThat(named.caregiver().relationship()).isEqualTo("other");
		assertThat(named.actions()).contains("replace-caregiver", "remove-caregiver").doesNotContain("name-caregiver");

		CaregiverRequest second = caregiver("second");
		RegistrationView replaced = holder.nameCaregiver(number, patient.email(), second);

		assertThat(replaced.caregiver().email()).isEqualTo(second.email());
		assertThat(replaced.caregiver().registrationNumber()).as("invited, not registered yet").isNull();
		Registration ended = registrations.findById(first.getId()).orElseThrow();
		assertThat(ended.getStatus()).isEqualTo(Registration.Status.ENDED);
		assertThat(life.history(ended)).last().satisfies(event -> {
			assertThat(event.getAction()).isEqualTo(RegistrationEvent.Action.ENDED);
			assertThat(event.getReason()).isEqualTo("CAREGIVER_REMOVED");
		});
		assertThat(life.history(patient.registration())).extracting(RegistrationEvent::getAction)
			.containsSubsequence(RegistrationEvent.Action.CAREGIVER_REMOVED, RegistrationEvent.Action.CAREGIVER_NAMED);
		MimeMessage mail = awaitMail(first.getHolder().getEmail(), "has ended");
		assertThat(Mails.text(mail)).contains("Jordan Rivera no longer has you as their caregiver",
				first.getRegistrationNumber());
		assertThat(Mails.subject(Mails.lastTo(second.email()))).as("the new caregiver is invited").isNotBlank();
	}

	@Test
	void caregiver_removed_registrationEnded_openApplicationClosed_emailed() {
		Patient patient = registeredPatient(true);
		String number = patient.registration().getRegistrationNumber();
		Registration registered = registeredCaregiver(patient, "removed");

		RegistrationView after = holder.removeCaregiver(number, patient.email());

		assertThat(after.caregiver()).isNull();
		assertThat(after.actions()).contains("name-caregiver");
		assertThat(registrations.findById(registered.getId()).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.ENDED);
		assertThat(Mails.text(awaitMail(registered.getHolder().getEmail(), "has ended")))
			.contains("no longer has you as their caregiver");
		assertThatThrownBy(() -> holder.removeCaregiver(number, patient.email()))
			.isInstanceOf(ConflictException.class)
			.hasMessage("You have no caregiver to remove.");

		Application invited = caregivers.nameCaregiver(patient.application(), caregiver("invited"));
		holder.removeCaregiver(number, patient.email());
		assertThat(driver.reload(invited).getStatus()).as("no registration can follow").isEqualTo(
				ApplicationStatus.CLOSED);
		assertThat(driver.processInstances(invited)).isEmpty();
	}

	@Test
	void caregiver_rulesApply_eachRefusalSaysWhy_andNothingChanges() {
		Patient patient = registeredPatient(true);
		String number = patient.registration().getRegistrationNumber();
		Registration kept = registeredCaregiver(patient, "kept");

		int youngYear = LocalDate.now().getYear() - 17;
		assertThatThrownBy(() -> holder.nameCaregiver(number, patient.email(),
				new CaregiverRequest("Young", "Person", LocalDate.of(youngYear, 1, 1), CaseDriver.uniqueEmail("young"),
						"1 Main St", "Hartford", "06106", Relationship.OTHER)))
			.isInstanceOfSatisfying(BadRequestException.class,
					refused -> assertThat(refused.getFieldErrors()).containsEntry("dateOfBirth",
							"A caregiver must be 18 or older."));
		assertThatThrownBy(() -> holder.nameCaregiver(number, patient.email(),
				new CaregiverRequest("Morgan", "Provider", LocalDate.of(1970, 1, 1), CaseDriver.PROVIDER, "1 Main St",
						"Hartford", "06106", Relationship.OTHER)))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Your certifying provider cannot be your caregiver.");
		assertThatThrownBy(() -> holder.nameCaregiver(number, patient.email(), new CaregiverRequest("Casey", "Carer",
				LocalDate.of(1970, 3, 4), kept.getHolder().getEmail(), "5 Oak Avenue", "New Haven", "06510",
				Relationship.OTHER)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Casey Carer is already your caregiver.");

		assertThat(registrations.findById(kept.getId()).orElseThrow().getStatus())
			.as("a refused replacement leaves the caregiver as they were")
			.isEqualTo(Registration.Status.ACTIVE);
		assertThat(holder.one(number, patient.email()).caregiver().email()).isEqualTo(kept.getHolder().getEmail());
		assertThatThrownBy(() -> holder.nameCaregiver(kept.getRegistrationNumber(), kept.getHolder().getEmail(),
				caregiver("nested")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Only a patient can name a caregiver; this is a caregiver's registration.");
		Patient without = registeredPatient(false);
		assertThatThrownBy(() -> holder.nameCaregiver(without.registration().getRegistrationNumber(), without.email(),
				caregiver("unneeded")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Your provider did not certify that you need a caregiver.");
	}

	@Test
	void surrender_endsAtOnce_caregiverEnded_remindersStopped_bothEmailed() {
		Patient patient = registeredPatient(true);
		String number = patient.registration().getRegistrationNumber();
		Registration caregiver = registeredCaregiver(patient, "follows");
		assertThat(reminders(number)).as("reminders run while valid").isEqualTo(1);

		assertThatThrownBy(() -> holder.surrender(number, patient.email(), false))
			.isInstanceOfSatisfying(BadRequestException.class,
					refused -> assertThat(refused.getFieldErrors()).containsKey("confirm"));
		RegistrationView ended = holder.surrender(number, patient.email(), true);

		assertThat(ended.standing()).isEqualTo("ended");
		assertThat(ended.actions()).isEmpty();
		assertThat(registrations.findById(caregiver.getId()).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.ENDED);
		assertThat(reminders(number)).isZero();
		assertThat(reminders(caregiver.getRegistrationNumber())).isZero();
		assertThat(life.history(patient.registration())).last().satisfies(event -> {
			assertThat(event.getAction()).isEqualTo(RegistrationEvent.Action.ENDED);
			assertThat(event.getReason()).isEqualTo("SURRENDERED");
			assertThat(event.getActor()).isEqualTo(patient.email());
		});
		assertThat(Mails.text(awaitMail(patient.email(), "has ended"))).contains("You surrendered your registration",
				number);
		assertThat(Mails.text(awaitMail(caregiver.getHolder().getEmail(), "has ended")))
			.contains("Jordan Rivera left the Medical Marijuana Program");
		assertThatThrownBy(() -> holder.surrender(number, patient.email(), true))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This registration is ended already; there is nothing to surrender.");
		Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> endedMails(patient.email()) == 1);
	}

	@Test
	void surrender_withAChangeInReview_changeWithdrawn_reviewEnds() {
		Patient patient = registeredPatient(false);
		String number = patient.registration().getRegistrationNumber();
		org.mmpcase.change.RegistrationChange change = changes.submit(number, patient.email(),
				new org.mmpcase.change.ChangeService.ChangeRequest("address", null, null, "40 Oak Avenue",
						"New Haven", "06510", "utility-bill"),
				"bill.pdf", org.mmpcase.support.TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		assertThat(holder.one(number, patient.email()).pendingChange().applicationNumber())
			.isEqualTo(change.getApplication().getApplicationNumber());

		holder.surrender(number, patient.email(), true);

		assertThat(changes.require(change.getApplication().getApplicationNumber()).getStatus())
			.isEqualTo(org.mmpcase.change.RegistrationChange.Status.WITHDRAWN);
		assertThat(driver.reviewTask(change.getApplication())).isNull();
		assertThat(driver.processInstances(change.getApplication())).isEmpty();
		assertThat(driver.reload(change.getApplication()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
		assertThat(holder.one(number, patient.email()).pendingChange()).isNull();
	}

	@Test
	void surrender_twoRequestsAtOnce_oneWins_theOtherRefused409() throws Exception {
		Patient patient = registeredPatient(false);
		String number = patient.registration().getRegistrationNumber();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<Object> surrender = () -> {
				start.await();
				try {
					return holder.surrender(number, patient.email(), true);
				}
				catch (ConflictException ex) {
					return ex;
				}
			};
			List<Future<Object>> results = new ArrayList<>(List.of(threads.submit(surrender),
					threads.submit(surrender)));
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).filteredOn(RegistrationView.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(life.history(patient.registration()))
			.filteredOn(event -> event.getAction() == RegistrationEvent.Action.ENDED)
			.hasSize(1);
	}

	record Patient(Application application, Registration registration, String email) {
	}

	private Patient registeredPatient(boolean caregiverNeeded) {
		String email = CaseDriver.uniqueEmail("holder");
		var request = CaseDriver.certificationFor(email, LocalDate.of(1975, 2, 3), caregiverNeeded);
		Application application = driver.certify(request);
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		application = driver.reload(application);
		return new Patient(application, registrations.findByApplicationOrderByIssuedAtDesc(application).get(0), email);
	}

	private Registration registeredCaregiver(Patient patient, String who) {
		Application application = caregivers.nameCaregiver(patient.application(), caregiver(who));
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application)).get(0);
	}

	private static CaregiverRequest caregiver(String who) {
		return new CaregiverRequest("Casey", "Carer", LocalDate.of(1970, 3, 4), CaseDriver.uniqueEmail(who),
				"5 Oak Avenue", "New Haven", "06510", Relationship.OTHER);
	}

	private long reminders(String registrationNumber) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationExpiryProcess.PROCESS_KEY)
			.processInstanceBusinessKey(registrationNumber)
			.count();
	}

	private static long endedMails(String recipient) {
		return Mails.to(recipient).stream().filter(mail -> Mails.subject(mail).contains("has ended")).count();
	}

	/** The e-mails follow the commit on another thread. */
	private static MimeMessage awaitMail(String recipient, String subject) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endedMails(recipient) > 0);
		return Mails.to(recipient).stream().filter(mail -> Mails.subject(mail).contains(subject)).findFirst()
			.orElseThrow();
	}

}
