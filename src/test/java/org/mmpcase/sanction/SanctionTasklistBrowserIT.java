package org.mmpcase.sanction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.support.Browser;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.PostgresTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A supervisor decides a proposed suspension where supervisors work: in Tasklist (headless Chromium), from the
 * filter "Suspensions and revocations", reading the proposal in the form, and approving it; the job executor then
 * suspends the registration.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class SanctionTasklistBrowserIT extends PostgresTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	SanctionService sanctions;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.ManagementService managementService;

	@Test
	void supervisor_approvesInTasklist_registrationSuspended() {
		Application patient = cases.registeredPatient(LocalDate.now().minusMonths(2));
		Registration registration = registrations.findByApplicationOrderByIssuedAtDesc(cases.reload(patient)).get(0);
		String number = registration.getRegistrationNumber();
		sanctions.propose(number, "reviewer", Map.of("kind", "suspend", "reason", "diversion", "note",
				"Seen selling at the door.", "effectiveOn", LocalDate.now(CaseStarter.PROGRAM_ZONE).toString()));
		String taskName = "Decide suspension - " + number;

		try (Browser browser = new Browser()) {
			try {
				browser.open("http://localhost:" + port + "/camunda/app/tasklist/");
				browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("supervisor");
				browser.visible(By.cssSelector("input[ng-model='password']")).sendKeys("supervisor");
				browser.clickable(By.cssSelector("button[type='submit']")).click();

				browser.clickable(By.xpath("//*[contains(text(),'" + SanctionTasklistFilter.NAME + "')]")).click();
				browser.clickable(By.xpath("//*[contains(text(),'" + taskName + "')]")).click();
				browser.clickable(By.xpath("//button[normalize-space()='Claim']")).click();

				await().atMost(Duration.ofSeconds(10))
					.until(() -> "Diversion of cannabis to others"
						.equals(browser.visible(By.cssSelector("input[id$='Field_ReasonLabel']")).getAttribute("value")));
				assertThat(browser.visible(By.cssSelector("textarea[id$='Field_ProposalNote']")).getAttribute("value"))
					.isEqualTo("Seen selling at the door.");
				browser.screenshot("tasklist-sanction-form");

				browser.click(By.xpath("//label[contains(normalize-space(.),'Approve')]"));
				browser.click(By.xpath("//button[normalize-space()='Complete']"));

				// the job executor is off (the test runs the jobs, as CaseDriver does, so they never race): once the
				// decision is in, the due timer and the apply step run here
				await().atMost(Duration.ofSeconds(30))
					.until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number).count() == 0);
				org.mmpcase.support.Jobs.runDue(runtimeService, managementService, SanctionProcess.KEY, number);
				assertThat(registrations.findByRegistrationNumber(number).orElseThrow().getStatus())
					.isEqualTo(Registration.Status.SUSPENDED);
				browser.screenshot("tasklist-after-sanction");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("tasklist-sanction-failure");
				throw ex;
			}
		}
	}

}
