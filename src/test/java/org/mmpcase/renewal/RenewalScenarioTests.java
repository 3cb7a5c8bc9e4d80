package org.mmpcase.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

class RenewalScenarioTests extends ProcessTest {

	@Autowired
	RenewalService renewals;

	@Autowired
	RegistrationRepository registrations;

	@Test
	void renewal_nothingChanged_autoApproved_temporaryRegistrationThenCertificateEmailed() {
		Application initial = driver.registeredPatient(LocalDate.now().minusMonths(11).minusDays(10));
		Registration current = permanentOf(initial);
		int mailsBefore = Mails.to(initial.getApplicant().getEmail()).size();

		Application renewal = renewals.recertify(CaseDriver.PROVIDER, recertification(current));
		ProcessInstance instance = instance(renewal);
		assertThat(renewal.getKind()).isEqualTo(ApplicationKind.RENEWAL);
		assertThat(renewal.getDispensaryCode()).isEqualTo("DSP-HARTFORD");
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);
		driver.runDueJobs(renewal);

		assertThat(instance).isEnded()
			.hasPassed(RenewalProcess.TASK_DECIDE_AUTO_APPROVAL, RenewalProcess.TASK_ISSUE_TEMPORARY_REGISTRATION,
					RenewalProcess.TASK_EMAIL_TEMPORARY_REGISTRATION, InitialRegistrationProcess.TASK_EMAIL_CERTIFICATE,
					RenewalProcess.END_RENEWED)
			.hasNotPassed(InitialRegistrationProcess.CALL_ACTIVITY_REVIEW,
					InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS);
		assertThat(driver.reload(renewal).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		List<Registration> issued = registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(renewal));
		assertThat(issued).extracting(Registration::getKind)
			.containsExactlyInAnyOrder(Registration.Kind.TEMPORARY, Registration.Kind.PERMANENT);
		Registration renewed = issued.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
		assertThat(renewed.getExpiresOn()).isEqualTo(LocalDate.now().minusDays(1).plusMonths(12).minusDays(1));
		assertThat(registrations.findById(current.getId()).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.SUPERSEDED);
		List<String> subjects = Mails.to(initial.getApplicant().getEmail())
			.stream()
			.skip(mailsBefore)
			.map(Mails::subject)
			.toList();
		assertThat(subjects).hasSize(2);
		assertThat(subjects.get(0)).containsIgnoringCase("temporary");
		assertThat(subjects.get(1)).containsIgnoringCase("certificate");
	}

	@Test
	void renewal_documentsChanged_sentToReview_thenApproved() {
		Application initial = driver.registeredPatient(LocalDate.now().minusMonths(11).minusDays(20));
		Application renewal = renewals.recertify(CaseDriver.PROVIDER, recertification(permanentOf(initial)));
		ProcessInstance instance = instance(renewal);

		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, true));
		driver.chooseDocumentTypes(renewal);
		driver.uploadBothDocuments(renewal);
		driver.signAttestations(renewal);

		assertThat(instance).hasPassed(RenewalProcess.TASK_DECIDE_AUTO_APPROVAL)
			.hasNotPassed(RenewalProcess.TASK_ISSUE_TEMPORARY_REGISTRATION);
		assertThat(processEngine.getRuntimeService().getVariable(instance.getId(),
				CaseVariables.AUTO_APPROVAL).toString()).contains("Identity or residency changed");
		assertThat(driver.reviewTask(renewal).getName())
			.isEqualTo("Review renewal - " + renewal.getApplicationNumber());

		driver.review(renewal, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(renewal);

		assertThat(instance).isEnded().hasPassed(RenewalProcess.END_RENEWED);
		assertThat(registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(renewal)))
			.extracting(Registration::getKind)
			.containsExactly(Registration.Kind.PERMANENT);
	}

	@Test
	void renewal_denialInPast6Months_sentToReview_informationRequestedWithoutNewDocuments() {
		String email = CaseDriver.uniqueEmail("denied-before");
		LocalDate certified = LocalDate.now().minusMonths(11).minusDays(10);
		var request = CaseDriver.certificationFor(email, LocalDate.of(1970, 7, 8), false);
		var onDate = new org.mmpcase.registration.CertificationRequest(request.firstName(), request.lastName(),
				request.dateOfBirth(), email, request.street(), request.city(), request.zip(),
				request.qualifyingCondition(), certified, 12, false);
		Application denied = driver.certify(onDate);
		driver.completeApplicantSteps(denied);
		driver.review(denied, CaseVariables.DECISION_DENY, Map.of(CaseVariables.DENIAL_REASON, "missing-identity"));
		Application approved = driver.certify(onDate);
		driver.completeApplicantSteps(approved);
		driver.review(approved, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(approved);

		Application renewal = renewals.recertify(CaseDriver.PROVIDER, recertification(permanentOf(approved)));
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);

		assertThat(processEngine.getRuntimeService().getVariable(instance(renewal).getId(),
				CaseVariables.AUTO_APPROVAL).toString()).contains("past 6 months");
		driver.review(renewal, CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(CaseVariables.INFORMATION_REQUEST, "Was the earlier denial resolved?"));
		driver.runDueJobs(renewal);
		driver.complete(renewal, org.mmpcase.review.ApplicationReviewProcess.TASK_PROVIDE_INFORMATION,
				Map.of(CaseVariables.INFORMATION_RESPONSE, "Yes, I sent my passport then."));

		assertThat(driver.reviewTask(renewal)).as("back to review, no documents demanded").isNotNull();
	}

	@Test
	void renewal_beforeItOpens_refused() {
		Application initial = driver.registeredPatient(LocalDate.now().minusDays(10));

		assertThatThrownBy(() -> renewals.recertify(CaseDriver.PROVIDER, recertification(permanentOf(initial))))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Renewal opens 30 days before");
	}

	@Test
	void renewal_twiceAtOnce_secondRefused() {
		Application initial = driver.registeredPatient(LocalDate.now().minusMonths(11).minusDays(15));
		Registration current = permanentOf(initial);
		renewals.recertify(CaseDriver.PROVIDER, recertification(current));

		assertThatThrownBy(() -> renewals.recertify(CaseDriver.PROVIDER, recertification(current)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already in progress");
	}

	private Registration permanentOf(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(application)
			.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
	}

	private static RecertificationRequest recertification(Registration registration) {
		return new RecertificationRequest(registration.getRegistrationNumber(), LocalDate.now().minusDays(1), 12,
				"Chronic pain", false);
	}

	private ProcessInstance instance(Application application) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

}
