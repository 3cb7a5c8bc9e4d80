package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class ExpiryReminderScenarioTests extends ProcessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationAccess access;

	@Test
	void permanentRegistration_remindersSixtyAndThirtyDaysBeforeExpiry_withTheRenewalLink() {
		Registration registration = registered(LocalDate.now().minusDays(3));
		ProcessInstance reminders = remindersOf(registration);
		assertThat(reminders).isWaitingAt(RegistrationExpiryProcess.TIMER_FIRST_REMINDER_DUE);
		assertThat(timer(reminders, RegistrationExpiryProcess.TIMER_FIRST_REMINDER_DUE).getDuedate().toInstant())
			.isEqualTo(registration.getExpiresOn().minusDays(60).atTime(LocalTime.of(9, 0))
				.atZone(CaseStarter.PROGRAM_ZONE).toInstant());
		int before = Mails.to(email(registration)).size();

		fire(reminders, RegistrationExpiryProcess.TIMER_FIRST_REMINDER_DUE);

		List<MimeMessage> first = newMails(registration, before);
		assertThat(first).singleElement().satisfies(mail -> {
			assertThat(Mails.subject(mail)).contains("expires on " + CertificatePdf.DATE.format(registration.getExpiresOn()));
			assertThat(Mails.text(mail)).contains(registration.getRegistrationNumber()).contains("http://localhost:8080/renew");
		});
		assertThat(reminders).isWaitingAt(RegistrationExpiryProcess.TIMER_SECOND_REMINDER_DUE);
		assertThat(timer(reminders, RegistrationExpiryProcess.TIMER_SECOND_REMINDER_DUE).getDuedate().toInstant())
			.isEqualTo(registration.getExpiresOn().minusDays(30).atTime(LocalTime.of(9, 0))
				.atZone(CaseStarter.PROGRAM_ZONE).toInstant());

		fire(reminders, RegistrationExpiryProcess.TIMER_SECOND_REMINDER_DUE);

		assertThat(newMails(registration, before)).hasSize(2);
		assertThat(reminders).isEnded().hasPassed(RegistrationExpiryProcess.TASK_EMAIL_FIRST_REMINDER,
				RegistrationExpiryProcess.TASK_EMAIL_SECOND_REMINDER, RegistrationExpiryProcess.END_REMINDERS_DONE);
	}

	@Test
	void renewed_oldRegistrationsRemindersEnd_newRegistrationGetsItsOwn() throws Exception {
		Registration old = registered(LocalDate.now().minusMonths(11).minusDays(10));
		ProcessInstance oldReminders = remindersOf(old);
		int before = Mails.to(email(old)).size();

		Application renewal = renew(old);

		assertThat(oldReminders).isEnded().hasPassed(RegistrationExpiryProcess.END_SUPERSEDED)
			.hasNotPassed(RegistrationExpiryProcess.TASK_EMAIL_FIRST_REMINDER);
		Registration renewed = registrations.findByApplicationOrderByIssuedAtDesc(renewal)
			.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
		assertThat(remindersOf(renewed)).isWaitingAt(RegistrationExpiryProcess.TIMER_FIRST_REMINDER_DUE);
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationExpiryProcess.PROCESS_KEY)
			.processInstanceBusinessKey(old.getRegistrationNumber())
			.count()).isZero();
		assertThat(newMails(old, before)).extracting(Mails::subject).noneMatch(subject -> subject.contains("expires"));
	}

	@Test
	void issuedAfterTheFirstReminderWasDue_onlyTheSecondIsSent() {
		// certified 10 months and 10 days ago: the registration ends in about 50 days, the 60-day mark has passed
		Registration registration = registered(LocalDate.now().minusMonths(10).minusDays(10));
		ProcessInstance reminders = remindersOf(registration);
		int before = Mails.to(email(registration)).size();

		fire(reminders, RegistrationExpiryProcess.TIMER_FIRST_REMINDER_DUE);
		assertThat(newMails(registration, before)).isEmpty();

		fire(reminders, RegistrationExpiryProcess.TIMER_SECOND_REMINDER_DUE);
		assertThat(newMails(registration, before)).hasSize(1);
		assertThat(reminders).isEnded();
	}

	private Registration registered(LocalDate certificationDate) {
		Application application = driver.registeredPatient(certificationDate);
		return registrations.findByApplicationOrderByIssuedAtDesc(application).get(0);
	}

	private ProcessInstance remindersOf(Registration registration) {
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationExpiryProcess.PROCESS_KEY)
			.processInstanceBusinessKey(registration.getRegistrationNumber())
			.singleResult();
		assertThat(instance).as("expiry reminders of " + registration.getRegistrationNumber()).isNotNull();
		return instance;
	}

	private Job timer(ProcessInstance instance, String activityId) {
		return managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	/** Fires the timer, then runs the e-mail job it leads to. */
	private void fire(ProcessInstance instance, String timerId) {
		managementService.executeJob(timer(instance, timerId).getId());
		for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
			managementService.executeJob(job.getId());
		}
	}

	private static String email(Registration registration) {
		return registration.getHolder().getEmail();
	}

	private static List<MimeMessage> newMails(Registration registration, int before) {
		return Mails.to(email(registration)).stream().skip(before).toList();
	}

	private Application renew(Registration current) throws Exception {
		String body = """
				{"registrationNumber": "%s", "certificationDate": "%s", "termMonths": 12,
				 "qualifyingCondition": "Chronic pain", "caregiverNeeded": false}"""
			.formatted(current.getRegistrationNumber(), LocalDate.now().minusDays(1));
		String response = mvc
			.perform(post("/api/provider/recertifications")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((CaseDriver.PROVIDER + ":provider").getBytes(StandardCharsets.UTF_8)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = response.replaceAll(".*\"applicationNumber\":\"([^\"]+)\".*", "$1");
		Application renewal = access.require(number);
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);
		driver.runDueJobs(renewal);
		return driver.reload(renewal);
	}

}
