package org.mmpcase.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.sanction.SanctionProcess;
import org.mmpcase.sanction.SanctionService;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The registration page of the reviewer workspace, in headless Chromium, keyboard only: a reviewer finds a patient's
 * registration by its number typed as people type it, proposes a suspension (first without a reason: the error is at
 * the field), a supervisor approves it (the engine's REST API as that user, what Tasklist calls), the page says
 * suspended, the supervisor lifts it there and the page says valid again; a proposal refused because another was
 * made meanwhile shows the server's words as an alert. axe-core checks every state at 1366x768, and no state scrolls
 * sideways.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class RegistrationSanctionBrowserIT extends PostgresTest {

	private static final Dimension DESK = new Dimension(1366, 768);

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	SanctionService sanctions;

	@Test
	void reviewerProposesKeyboardOnly_supervisorApproves_thenLiftsInTheWorkspace_pageFollowsEachStep() {
		Registration registration = permanentOf(cases.registeredPatient(LocalDate.now().minusMonths(2)));
		String number = registration.getRegistrationNumber();
		// as people type it: lower case, spaces, no dashes
		String typed = "mmp " + number.substring(4, 8).toLowerCase(Locale.ROOT) + " "
				+ number.substring(9).toLowerCase(Locale.ROOT);

		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			try {
				browser.driver().manage().window().setSize(DESK);
				page.open("/review/");
				page.at("Sign in");
				signIn(page, "reviewer");

				// find the registration from the header
				page.type("#find-registration-number", typed);
				page.keys(Keys.ENTER);
				page.at("Registration " + number);
				assertThat(page.text("[data-testid=registration-standing]")).isEqualTo("Valid");
				assertThat(page.text("[data-testid=registration-standing-section]"))
					.contains(registration.getHolder().getFullName());
				assertThat(page.text("[data-testid=registration-history]")).contains("issued by");
				assertThat(browser.driver().findElements(By.id("lift-open"))).as("reviewers do not lift").isEmpty();
				check(page, "registration page, valid");

				// propose a suspension, first without a reason (kind "suspend" is chosen, the date is today)
				assertThat(page.tabTo("#propose-kind-0").isSelected()).isTrue();
				page.tabTo("#propose-note");
				page.keys("Seen selling at the dispensary's door.");
				page.press("#propose-submit", Keys.ENTER);
				browser.visible(By.cssSelector("[data-testid=error-reason]"));
				assertThat(page.text("[data-testid=error-reason]")).contains("This field is required.");
				assertThat(page.active().getDomAttribute("data-testid")).as("the focus is on the error summary")
					.isEqualTo("propose-error-summary");
				assertThat(browser.driver().findElement(By.id("propose-reason")).getDomAttribute("aria-invalid"))
					.isEqualTo("true");
				assertThat(openInstances(number)).as("nothing started").isZero();
				check(page, "proposal with an error");

				page.tabTo("#propose-reason");
				page.keys("Div");
				assertThat(browser.driver().executeScript("return document.getElementById('propose-reason').value"))
					.isEqualTo("diversion");
				page.press("#propose-submit", Keys.ENTER);
				browser.visible(By.cssSelector("[data-testid=sanction-result]"));
				assertThat(page.text("[data-testid=sanction-result]")).contains("awaiting a supervisor's decision");
				assertThat(page.active().getDomAttribute("data-testid")).isEqualTo("sanction-result");
				assertThat(page.text("[data-testid=open-sanction]")).contains("Awaiting a supervisor's decision")
					.contains("Diversion of cannabis to others")
					.contains("Tasklist: Suspensions and revocations");
				assertThat(page.text("[data-testid=propose]")).contains("only one can be open at a time");
				check(page, "proposal awaiting a decision");
				assertThat(openInstances(number)).isEqualTo(1);

				// the supervisor approves in Tasklist (its REST API, as the supervisor)
				approveAsSupervisor(number);
				assertThat(new Http(port).get("/verify/api/" + number, null, null).body().path("status").asText())
					.isEqualTo("suspended");

				// the supervisor opens the page and lifts the suspension
				page.press("#sign-out", Keys.ENTER);
				page.at("Sign in");
				signIn(page, "supervisor");
				page.type("#find-registration-number", number);
				page.keys(Keys.ENTER);
				page.at("Registration " + number);
				assertThat(page.text("[data-testid=registration-standing]"))
					.isEqualTo("Suspended until a supervisor lifts it");
				assertThat(page.text("[data-testid=open-sanction]")).contains("In effect");
				check(page, "registration page, suspended");

				page.press("#lift-open", Keys.ENTER);
				browser.visible(By.id("lift-dialog"));
				assertThat(page.active().getDomAttribute("id")).isEqualTo("lift-note");
				page.keys("Resolved after an interview.");
				check(page, "lift confirmation");
				page.press("#lift-confirm", Keys.ENTER);
				await().atMost(Duration.ofSeconds(30)).until(() -> !browser.driver()
					.findElements(By.cssSelector("[data-testid=sanction-result]"))
					.isEmpty());
				assertThat(page.text("[data-testid=sanction-result]")).contains("valid again");
				assertThat(page.text("[data-testid=registration-standing]")).isEqualTo("Valid");
				assertThat(page.text("[data-testid=registration-history]")).contains("suspension lifted by supervisor")
					.contains("Resolved after an interview.");
				assertThat(page.text("[data-testid=open-none]")).isEqualTo("None.");
				check(page, "registration page, valid again");
				browser.screenshot("registration-valid-again");

				// somebody else proposes meanwhile: the supervisor's proposal is refused with the server's words
				sanctions.propose(number, "reviewer", Map.of("kind", "revoke", "reason", "other", "note",
						"Proposed from another desk.", "effectiveOn", registration.getExpiresOn().minusDays(1).toString()));
				page.tabTo("#propose-reason");
				page.keys("Div");
				page.tabTo("#propose-note");
				page.keys("Seen again.");
				page.press("#propose-submit", Keys.ENTER);
				browser.visible(By.cssSelector("[data-testid=propose-conflict]"));
				assertThat(page.text("[data-testid=propose-conflict]"))
					.startsWith("A revocation of this registration is still open (proposed by reviewer");
				assertThat(page.active().getDomAttribute("data-testid")).isEqualTo("propose-conflict");
				assertThat(page.active().getDomAttribute("role")).isEqualTo("alert");
				check(page, "proposal refused, another open");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("registration-failure");
				throw ex;
			}
			finally {
				page.axeLog().forEach(line -> System.out.println("axe " + line));
			}
		}
		assertThat(new Http(port).get("/verify/api/" + number, null, null).body().path("status").asText())
			.isEqualTo("valid");
		assertThat(registrations.findByRegistrationNumber(number).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.ACTIVE);
	}

	private static void signIn(BrowserPage page, String user) {
		page.type("#f-username", user);
		page.type("#f-password", user);
		page.keys(Keys.ENTER);
		page.at("Unassigned");
	}

	/** axe-core at 1366x768, and nothing to the side. */
	private static void check(BrowserPage page, String state) {
		page.axe(state + " at 1366x768");
		@SuppressWarnings("unchecked")
		Map<String, Long> size = (Map<String, Long>) page.browser()
			.driver()
			.executeScript("return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};");
		assertThat(size.get("scrollWidth")).as("%s: page width %s", state, size).isLessThanOrEqualTo(size.get("innerWidth"));
		page.browser().screenshot("registration-" + state.replace(' ', '-').replace(",", ""));
	}

	private void approveAsSupervisor(String number) {
		Http tasklist = new Http(port);
		JsonNode tasks = tasklist.get("/engine-rest/task?processDefinitionKey=" + SanctionProcess.KEY
				+ "&processInstanceBusinessKey=" + number, "supervisor", "supervisor").expect(200).body();
		assertThat(tasks).hasSize(1);
		String taskId = tasks.get(0).path("id").asText();
		tasklist.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "supervisor"), "supervisor",
				"supervisor").expect(204);
		tasklist.post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of(SanctionProcess.DECISION, Map.of("value", "approve"))), "supervisor", "supervisor")
			.expect(204);
		runJobs(number);
	}

	private long openInstances(String number) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(SanctionProcess.KEY)
			.processInstanceBusinessKey(number)
			.count();
	}

	private Registration permanentOf(org.mmpcase.registration.Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(cases.reload(application))
			.stream()
			.filter(candidate -> candidate.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
	}

	/** The engine's jobs of this registration's sanction (the job executor is off in this test). */
	private void runJobs(String number) {
		org.mmpcase.support.Jobs.runDue(runtimeService, managementService, SanctionProcess.KEY, number);
	}

}
