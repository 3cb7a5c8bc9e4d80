package org.mmpcase.sanction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.caregiver.CaregiverRequest;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.caregiver.Relationship;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationEvent.Action;
import org.mmpcase.certificate.RegistrationExpiryProcess;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.renewal.RenewalSanctionAccess;
import org.mmpcase.renewal.RenewalService;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.NotFoundException;
import org.mmpcase.shared.StaffGroups;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.MovableClock;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Suspension and revocation, the whole way: a reviewer proposes, a supervisor decides in Tasklist (the filter, as
 * that user), the registration changes at the effective date, dispensaries see it at /verify/api, the caregiver's
 * registration follows, the holder is told, and the suspension ends or is lifted. Time is a clock the test moves.
 */
@Import(SanctionScenarioTests.Clocks.class)
class SanctionScenarioTests extends ProcessTest {

	/** Noon UTC of today in Connecticut: the test clock's (UTC) date is the program's date. */
	static final Instant START = LocalDate.now(CaseStarter.PROGRAM_ZONE).atTime(12, 0).toInstant(ZoneOffset.UTC);

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(START);
		}

	}

	@Autowired
	MovableClock clock;

	@Autowired
	SanctionService sanctions;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RegistrationLife life;

	@Autowired
	CaregiverService caregivers;

	@Autowired
	RenewalService renewals;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	WebApplicationContext web;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(web).build();
	}

	@AfterEach
	void resetClock() {
		identityService.clearAuthentication();
		clock.move(Duration.between(clock.instant(), START));
	}

	@Test
	void suspension_proposedThenRejected_registrationUnchanged_historyHasBoth() {
		Registration registration = permanentOf(driver.registeredPatient(today().minusMonths(2)));
		String number = registration.getRegistrationNumber();

		SanctionService.Open open = sanctions.propose(number, "reviewer",
				proposal("suspend", "false-information", today(), null));
		assertThat(open.state()).isEqualTo("awaiting-decision");
		assertThat(open.reasonLabel()).isEqualTo("False information given to the program");
		ProcessInstance instance = instance(number);
		assertThat(instance).isWaitingAt(SanctionProcess.TASK_DECIDE);
		assertThat(taskOf(number).getName()).isEqualTo("Decide suspension - " + number + " (Jordan Rivera)");

		decideInTasklist(number, "reject", "Checked: the information was right.");

		assertThat(instance).isEnded()
			.hasPassed(SanctionProcess.END_REJECTED)
			.hasNotPassed(SanctionProcess.TIMER_EFFECTIVE_DATE, SanctionProcess.TASK_APPLY);
		assertThat(reload(registration).getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(verify(number)).isEqualTo("valid");
		List<RegistrationEvent> history = life.history(reload(registration));
		assertThat(history).extracting(RegistrationEvent::getAction)
			.containsExactly(Action.ISSUED, Action.SUSPENSION_PROPOSED, Action.SUSPENSION_REJECTED);
		assertThat(history.get(1)).extracting(RegistrationEvent::getActor, RegistrationEvent::getReason,
				RegistrationEvent::getNote, RegistrationEvent::getEffectiveOn)
			.containsExactly("reviewer", "false-information", "A note on what happened.", today());
		assertThat(history.get(2)).extracting(RegistrationEvent::getActor, RegistrationEvent::getNote)
			.containsExactly("supervisor", "Checked: the information was right.");
		assertThat(Mails.to(registration.getHolder().getEmail())).extracting(Mails::subject)
			.noneMatch(subject -> subject.contains("suspended"));
	}

	@Test
	void suspension_approvedWithLastDay_caregiverFollows_renewalRefused_thenTheLastDayPasses_validAgain() {
		Application patient = patientWithCaregiver();
		Registration registration = permanentOf(patient);
		Registration caregiver = caregiverOf(registration);
		String number = registration.getRegistrationNumber();
		LocalDate lastDay = today().plusDays(2);
		assertThat(expiryReminders(number)).isEqualTo(1);

		sanctions.propose(number, "reviewer", proposal("suspend", "diversion", today(), lastDay));
		decideInTasklist(number, "approve", "Confirmed by the dispensary's report.");
		Job effective = timer(number, SanctionProcess.TIMER_EFFECTIVE_DATE);
		assertThat(effective.getDuedate().toInstant())
			.isEqualTo(today().atStartOfDay(CaseStarter.PROGRAM_ZONE).toInstant());
		runJobs(number);

		assertThat(verify(number)).isEqualTo("suspended");
		assertThat(verify(caregiver.getRegistrationNumber())).isEqualTo("suspended");
		assertThat(reload(registration).getSuspendedUntil()).isEqualTo(lastDay);
		assertThat(expiryReminders(number)).as("reminders stopped").isZero();
		assertThat(expiryReminders(caregiver.getRegistrationNumber())).isZero();
		assertThat(life.history(reload(registration))).extracting(RegistrationEvent::getAction)
			.containsSubsequence(Action.SUSPENSION_PROPOSED, Action.SUSPENSION_APPROVED, Action.SUSPENDED);
		RegistrationEvent suspended = last(reload(registration));
		assertThat(suspended).extracting(RegistrationEvent::getActor, RegistrationEvent::getReason)
			.containsExactly("supervisor", "diversion");
		String holderMail = Mails.text(Mails.lastTo(registration.getHolder().getEmail()));
		assertThat(Mails.subject(Mails.lastTo(registration.getHolder().getEmail())))
			.isEqualTo("Your Medical Marijuana Program registration " + number + " is suspended");
		assertThat(holderMail).contains("The reason:", "Diversion of cannabis to others",
				"until the end of " + SanctionMailDelegate.DATE.format(lastDay), "cannot be renewed");
		String caregiverMail = Mails.text(Mails.lastTo(caregiver.getHolder().getEmail()));
		assertThat(caregiverMail).contains(caregiver.getRegistrationNumber(), "follows the registration of the patient")
			.doesNotContain("Diversion");
		assertThatThrownBy(() -> RenewalSanctionAccess.recertify(renewals, CaseDriver.PROVIDER, number,
				today().minusDays(1), true))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This registration is suspended by DCP until " + lastDay
					+ "; it cannot be renewed while the suspension lasts.");
		assertThat(sanctions.overview(number).open()).singleElement()
			.extracting(SanctionService.Open::state)
			.isEqualTo("in-effect");

		clock.move(Duration.ofDays(3));
		assertThat(verify(number)).as("the day after the last day, before the timer").isEqualTo("valid");
		ProcessInstance suspension = instance(number);
		fireTimer(number, SanctionProcess.TIMER_SUSPENSION_OVER);
		runJobs(number);

		assertThat(suspension).isEnded().hasPassed(SanctionProcess.TASK_END_SUSPENSION,
				SanctionProcess.TASK_EMAIL_REINSTATEMENT, SanctionProcess.END_REINSTATED);
		assertThat(reload(registration).getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(reload(caregiver).getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(last(reload(registration))).extracting(RegistrationEvent::getAction, RegistrationEvent::getActor)
			.containsExactly(Action.SUSPENSION_ENDED, RegistrationEvent.SYSTEM);
		assertThat(expiryReminders(number)).as("reminders again").isEqualTo(1);
		assertThat(Mails.text(Mails.lastTo(registration.getHolder().getEmail())))
			.contains("The suspension of your registration " + number + " has ended", "valid again");
		assertThat(Mails.subject(Mails.lastTo(caregiver.getHolder().getEmail()))).contains("is valid again");
	}

	@Test
	void suspension_approvedThenLifted_verificationValidAgain_andTheRenewalAsksAReviewer() {
		Application patient = driver.registeredPatient(today().minusMonths(11).minusDays(10));
		Registration registration = permanentOf(patient);
		String number = registration.getRegistrationNumber();
		sanctions.propose(number, "reviewer", proposal("suspend", "loss-of-residency", today(), null));
		decideInTasklist(number, "approve", null);
		runJobs(number);
		assertThat(verify(number)).isEqualTo("suspended");
		assertThat(Mails.text(Mails.lastTo(registration.getHolder().getEmail())))
			.contains("until the Department lifts it", "No longer a Connecticut resident");
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer",
				proposal("suspend", "other", today(), null)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This registration is already suspended; lift the suspension first, or propose a revocation.");

		ProcessInstance suspension = instance(number);
		assertThat(sanctions.overview(number).open()).extracting(SanctionService.Open::state)
			.containsExactly("in-effect");
		sanctions.lift(number, "supervisor", "Proof of residency received.");
		assertThat(sanctions.overview(number).open()).as("lifted: over for staff while the e-mail is on its way")
			.isEmpty();
		runJobs(number);

		assertThat(verify(number)).isEqualTo("valid");
		assertThat(suspension).isEnded().hasPassed(SanctionProcess.TASK_LIFT_SUSPENSION)
			.hasNotPassed(SanctionProcess.TASK_END_SUSPENSION);
		assertThat(last(reload(registration))).extracting(RegistrationEvent::getAction, RegistrationEvent::getActor,
				RegistrationEvent::getNote)
			.containsExactly(Action.SUSPENSION_LIFTED, "supervisor", "Proof of residency received.");
		assertThat(Mails.text(Mails.lastTo(registration.getHolder().getEmail())))
			.contains("lifted the suspension of your registration " + number);
		assertThatThrownBy(() -> sanctions.lift(number, "supervisor", null)).isInstanceOf(ConflictException.class)
			.hasMessage("This registration has no suspension in effect to lift (it is valid).");

		// the renewal's auto-approval counts the suspension (renewal-auto-approval.dmn)
		Application renewal = RenewalSanctionAccess.recertify(renewals, CaseDriver.PROVIDER,
				number, today().minusDays(1), false);
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);
		assertThat(runtimeService.getVariable(driver.reload(renewal).getProcessInstanceId(),
				CaseVariables.AUTO_APPROVAL).toString()).contains("Suspension or revocation in the past 6 months");
	}

	@Test
	void revocation_approved_caregiverFollows_renewalRefused_final() {
		Application patient = patientWithCaregiver();
		Registration registration = permanentOf(patient);
		Registration caregiver = caregiverOf(registration);
		String number = registration.getRegistrationNumber();

		sanctions.propose(number, "reviewer", proposal("revoke", "diversion", today(), null));
		ProcessInstance revocation = instance(number);
		decideInTasklist(number, "approve", "Sold to others, police report 12-345.");
		runJobs(number);

		assertThat(revocation).isEnded().hasPassed(SanctionProcess.END_REVOKED,
				SanctionProcess.TASK_EMAIL_SANCTION);
		assertThat(verify(number)).isEqualTo("revoked");
		assertThat(verify(caregiver.getRegistrationNumber())).isEqualTo("revoked");
		assertThat(last(reload(caregiver))).extracting(RegistrationEvent::getAction, RegistrationEvent::getReason)
			.containsExactly(Action.REVOKED, RegistrationLife.FOLLOWS_PATIENT);
		assertThat(expiryReminders(number)).isZero();
		assertThat(Mails.subject(Mails.lastTo(registration.getHolder().getEmail())))
			.isEqualTo("Your Medical Marijuana Program registration " + number + " is revoked");
		assertThat(Mails.text(Mails.lastTo(registration.getHolder().getEmail()))).contains("The reason:",
				"Diversion of cannabis to others");
		assertThat(Mails.text(Mails.lastTo(caregiver.getHolder().getEmail())))
			.contains("follows the registration of the patient you care for, which was revoked");
		assertThatThrownBy(() -> RenewalSanctionAccess.recertify(renewals, CaseDriver.PROVIDER,
				number, today().minusDays(1), true))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This registration was revoked by DCP; a revoked registration cannot be renewed.");
		assertThatThrownBy(() -> sanctions.lift(number, "supervisor", null)).isInstanceOf(ConflictException.class)
			.hasMessage("This registration has no suspension in effect to lift (it is revoked).");
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer", proposal("suspend", "other", today(), null)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Only a current registration can be suspended; this one is revoked.");
	}

	@Test
	void suspension_effectiveInTheFuture_validUntilThatDay() {
		Registration registration = permanentOf(driver.registeredPatient(today().minusMonths(2)));
		String number = registration.getRegistrationNumber();
		LocalDate effectiveOn = today().plusDays(3);

		sanctions.propose(number, "reviewer", proposal("suspend", "other", effectiveOn, effectiveOn.plusDays(9)));
		decideInTasklist(number, "approve", null);
		runJobs(number);

		assertThat(instance(number)).isWaitingAt(SanctionProcess.TIMER_EFFECTIVE_DATE);
		assertThat(timer(number, SanctionProcess.TIMER_EFFECTIVE_DATE).getDuedate().toInstant())
			.isEqualTo(effectiveOn.atStartOfDay(CaseStarter.PROGRAM_ZONE).toInstant());
		assertThat(verify(number)).isEqualTo("valid");
		assertThat(sanctions.overview(number).open()).singleElement()
			.extracting(SanctionService.Open::state)
			.isEqualTo("approved");
		assertThat(last(reload(registration)).getAction()).isEqualTo(Action.SUSPENSION_APPROVED);

		clock.move(Duration.ofDays(3));
		fireTimer(number, SanctionProcess.TIMER_EFFECTIVE_DATE);
		runJobs(number);

		assertThat(verify(number)).isEqualTo("suspended");
		assertThat(Mails.text(Mails.lastTo(registration.getHolder().getEmail())))
			.contains("from " + SanctionMailDelegate.DATE.format(effectiveOn));
	}

	@Test
	void revocation_whileSuspended_endsTheSuspensionsWait() {
		Registration registration = permanentOf(driver.registeredPatient(today().minusMonths(2)));
		String number = registration.getRegistrationNumber();
		sanctions.propose(number, "reviewer", proposal("suspend", "diversion", today(), null));
		decideInTasklist(number, "approve", null);
		runJobs(number);
		ProcessInstance suspension = instance(number);

		sanctions.propose(number, "reviewer", proposal("revoke", "diversion", today(), null));
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer", proposal("revoke", "other", today(), null)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("A revocation of this registration is still open (proposed by reviewer");
		decideInTasklist(number, "approve", null);
		runJobs(number);

		assertThat(suspension).isEnded().hasPassed(SanctionProcess.END_REVOKED_MEANWHILE)
			.hasNotPassed(SanctionProcess.TASK_LIFT_SUSPENSION, SanctionProcess.TASK_END_SUSPENSION);
		assertThat(verify(number)).isEqualTo("revoked");
		assertThat(sanctionProcesses(number)).isZero();
	}

	@Test
	void provider_withdrawsCertification_revocationProposedForASupervisor() {
		Application patient = driver.registeredPatient(today().minusMonths(2));
		String number = permanentOf(patient).getRegistrationNumber();

		assertThatThrownBy(() -> sanctions.withdrawCertification("other-provider@example.org", number, "Not mine."))
			.isInstanceOf(NotFoundException.class);
		SanctionService.Open open = sanctions.withdrawCertification(CaseDriver.PROVIDER, number,
				"The patient no longer has the qualifying condition.");

		assertThat(open).extracting(SanctionService.Open::kind, SanctionService.Open::reason,
				SanctionService.Open::proposedBy, SanctionService.Open::effectiveOn, SanctionService.Open::state)
			.containsExactly("revocation", "certification-withdrawn", CaseDriver.PROVIDER, today().toString(),
					"awaiting-decision");
		assertThat(last(permanentOf(patient))).extracting(RegistrationEvent::getAction, RegistrationEvent::getActor,
				RegistrationEvent::getReason)
			.containsExactly(Action.REVOCATION_PROPOSED, CaseDriver.PROVIDER, "certification-withdrawn");
		assertThat(verify(number)).as("a supervisor decides first").isEqualTo("valid");

		decideInTasklist(number, "approve", null);
		runJobs(number);

		assertThat(verify(number)).isEqualTo("revoked");
		assertThat(Mails.text(Mails.lastTo(patient.getApplicant().getEmail())))
			.contains("The certifying provider withdrew the certification");
	}

	@Test
	void proposal_badInput_refusedAtTheField_nothingStarted() {
		String number = permanentOf(driver.registeredPatient(today().minusMonths(2))).getRegistrationNumber();

		assertThatThrownBy(() -> sanctions.propose(number, "reviewer", proposal("suspend", "littering", today(), null)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsEntry("reason", "Choose one of the listed options."));
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer", proposal("suspend", "other", null, null)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsEntry("effectiveOn", "This field is required."));
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer",
				proposal("suspend", "other", today().minusDays(1), null)))
			.isInstanceOfSatisfying(BadRequestException.class, ex -> assertThat(ex.getFieldErrors())
				.containsEntry("effectiveOn", "The effective date cannot be in the past; today is " + today() + "."));
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer",
				proposal("suspend", "other", today().plusDays(5), today().plusDays(4))))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey("lastDay"));
		assertThatThrownBy(() -> sanctions.propose(number, "reviewer",
				proposal("revoke", "other", today(), today().plusDays(4))))
			.isInstanceOfSatisfying(BadRequestException.class, ex -> assertThat(ex.getFieldErrors())
				.containsEntry("lastDay", "A revocation is final; it has no last day."));
		assertThatThrownBy(() -> sanctions.propose("MMP-2222-2222", "reviewer",
				proposal("suspend", "other", today(), null)))
			.isInstanceOf(NotFoundException.class);

		assertThat(sanctionProcesses(number)).isZero();
	}

	@Test
	void twoProposalsAtOnce_oneWins_theOtherToldWhy() throws Exception {
		String number = permanentOf(driver.registeredPatient(today().minusMonths(2))).getRegistrationNumber();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (String kind : List.of("suspend", "revoke")) {
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return sanctions.propose(number, "reviewer", proposal(kind, "other", today(), null)).kind();
					}
					catch (ConflictException ex) {
						return ex.getMessage();
					}
				}));
			}
			List<String> answers = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				answers.add(outcome.get(60, TimeUnit.SECONDS));
			}

			assertThat(answers).filteredOn(answer -> answer.endsWith("only one can be open at a time.")).hasSize(1);
			assertThat(sanctionProcesses(number)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void reviewers_proposeButDoNotDecide_noFilterNoTask() {
		String number = permanentOf(driver.registeredPatient(today().minusMonths(2))).getRegistrationNumber();
		sanctions.propose(number, "reviewer", proposal("suspend", "other", today(), null));

		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		assertThat(filterService.createFilterQuery().list()).extracting(org.camunda.bpm.engine.filter.Filter::getName)
			.isNotEmpty()
			.doesNotContain(SanctionTasklistFilter.NAME);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
		identityService.setAuthentication("supervisor", List.of(StaffGroups.SUPERVISORS, StaffGroups.REVIEWERS));
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
	}

	@Test
	void supervisor_cannotDecideTheirOwnProposal() {
		String number = permanentOf(driver.registeredPatient(today().minusMonths(2))).getRegistrationNumber();
		sanctions.propose(number, "supervisor", proposal("revoke", "other", today(), null));

		assertThatThrownBy(() -> decideInTasklist(number, "approve", null))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(SanctionTaskListener.OWN_PROPOSAL);
		assertThat(instance(number)).isWaitingAt(SanctionProcess.TASK_DECIDE);
	}

	@Test
	void overview_forTheWorkspacePage_roleExpiryTodayTheFormsReasonsAndTheTasklistFilter() {
		Registration registration = permanentOf(driver.registeredPatient(today().minusMonths(2)));

		SanctionService.Overview overview = sanctions.overview(registration.getRegistrationNumber());

		assertThat(overview.role()).isEqualTo("patient");
		assertThat(overview.kind()).isEqualTo("permanent");
		assertThat(overview.expiresOn()).isEqualTo(registration.getExpiresOn());
		assertThat(overview.today()).isEqualTo(today());
		assertThat(overview.reasons()).extracting(SanctionService.Option::value)
			.containsExactly("diversion", "false-information", "loss-of-residency",
					SanctionReasons.CERTIFICATION_WITHDRAWN, "other");
		assertThat(overview.reasons()).first()
			.extracting(SanctionService.Option::label)
			.isEqualTo("Diversion of cannabis to others");
		String filterId = filterService.createFilterQuery()
			.filterName(SanctionTasklistFilter.NAME)
			.singleResult()
			.getId();
		assertThat(overview.tasklistUrl()).isEqualTo("/camunda/app/tasklist/default/#/?filter=" + filterId);
	}

	// the story's steps

	/** The supervisor works the task from Tasklist's "Suspensions and revocations" filter, as that user. */
	private void decideInTasklist(String number, String decision, String note) {
		identityService.setAuthentication("supervisor", List.of(StaffGroups.SUPERVISORS, StaffGroups.REVIEWERS));
		try {
			String filterId = filterService.createFilterQuery()
				.filterName(SanctionTasklistFilter.NAME)
				.singleResult()
				.getId();
			Task task = filterService.<Task>list(filterId)
				.stream()
				.filter(candidate -> candidate.getId().equals(taskOf(number).getId()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("not in the supervisor's filter"));
			taskService.claim(task.getId(), "supervisor");
			Map<String, Object> values = new HashMap<>();
			values.put(SanctionProcess.DECISION, decision);
			if (note != null) {
				values.put(SanctionProcess.DECISION_NOTE, note);
			}
			taskService.complete(task.getId(), values);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private Application patientWithCaregiver() {
		Application patient = driver.certify(CaseDriver.certificationFor(CaseDriver.uniqueEmail("patient"),
				LocalDate.of(1950, 1, 1), true));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);
		Application caregiver = caregivers.nameCaregiver(driver.reload(patient), new CaregiverRequest("Casey", "Carer",
				LocalDate.of(1970, 3, 4), CaseDriver.uniqueEmail("caregiver"), "5 Oak Avenue", "New Haven", "06510",
				Relationship.OTHER));
		driver.completeApplicantSteps(caregiver);
		driver.review(caregiver, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiver);
		return driver.reload(patient);
	}

	private static Map<String, Object> proposal(String kind, String reason, LocalDate effectiveOn, LocalDate lastDay) {
		Map<String, Object> proposal = new HashMap<>();
		proposal.put("kind", kind);
		proposal.put("reason", reason);
		proposal.put("note", "A note on what happened.");
		if (effectiveOn != null) {
			proposal.put("effectiveOn", effectiveOn.toString());
		}
		if (lastDay != null) {
			proposal.put("lastDay", lastDay.toString());
		}
		return proposal;
	}

	private String verify(String number) {
		try {
			String body = mvc.perform(MockMvcRequestBuilders.get("/verify/api/" + number))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return new ObjectMapper().readTree(body).path("status").asText();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
	}

	private Registration permanentOf(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application))
			.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
	}

	private Registration caregiverOf(Registration patient) {
		return registrations.caregiversOf(patient.getPatient(), Registration.Status.currentSet()).get(0);
	}

	private Registration reload(Registration registration) {
		return registrations.findById(registration.getId()).orElseThrow();
	}

	private RegistrationEvent last(Registration registration) {
		List<RegistrationEvent> history = life.history(registration);
		return history.get(history.size() - 1);
	}

	private long expiryReminders(String number) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationExpiryProcess.PROCESS_KEY)
			.processInstanceBusinessKey(number)
			.count();
	}

	private long sanctionProcesses(String number) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(number)
			.count();
	}

	private Task taskOf(String number) {
		return taskService.createTaskQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	/** The open sanction process of the registration (the newest when there are two). */
	private ProcessInstance instance(String number) {
		List<ProcessInstance> open = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(number)
			.list();
		return open.isEmpty() ? null : open.get(open.size() - 1);
	}

	private Job timer(String number, String activityId) {
		return managementService.createJobQuery()
			.processInstanceId(instance(number).getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	private void fireTimer(String number, String activityId) {
		managementService.executeJob(timer(number, activityId).getId());
	}

	/** Runs the due jobs of the registration's sanction processes (apply, e-mails) until none is left. */
	private void runJobs(String number) {
		org.mmpcase.support.Jobs.runDue(runtimeService, managementService, SanctionProcess.KEY, number);
	}

}
