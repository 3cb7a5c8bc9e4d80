package org.mmpcase.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.PostgresTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A reviewer works three cases in a row in the reviewer workspace, in headless Chromium, with the keyboard only:
 * approves the first, denies the second with a reason (after trying without one), asks the applicant of the third
 * for information. axe-core checks every state at 1366x768 and at 1920x1080; at 1366x768 the case screen of a clean
 * case fits without scrolling; the clean case takes at most 4 actions from the queue to decided.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class ReviewerWorkspaceBrowserIT extends PostgresTest {

	private static final Dimension DESK = new Dimension(1366, 768);

	private static final Dimension WIDE = new Dimension(1920, 1080);

	/** The approve radio of the review form (form-js prefixes its ids). */
	private static final String APPROVE = "input[id$='Field_ReviewDecision-0']";

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	JdbcClient jdbc;

	private final List<String> keysPressed = new ArrayList<>();

	@Test
	void reviewer_worksThreeCasesKeyboardOnly_approveDenyRequestInformation_accessibleAtBothSizes() {
		Application first = submitted();
		Application second = submitted();
		Application third = submitted();

		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			try {
				browser.driver().manage().window().setSize(DESK);
				page.open("/review/");
				page.at("Sign in");
				axeAtBothSizes(page, "sign-in");
				page.type("#f-username", "reviewer");
				page.type("#f-password", "reviewer");
				press(page, Keys.ENTER);
				page.at("Unassigned");
				browser.visible(By.id("row-" + first.getApplicationNumber()));
				assertThat(page.text("#view-unassigned")).contains("3");
				axeAtBothSizes(page, "queue");

				// the clean case: open it from the queue, approve, decide and open the next
				keysPressed.clear();
				page.tabTo("#row-" + first.getApplicationNumber());
				press(page, Keys.ENTER);
				onCase(page, first);
				assertThat(page.active().getDomAttribute("id")).as("the focus is on the decision").endsWith(
						"Field_ReviewDecision-0");
				assertNoScrolling(page, "case screen of a clean case");
				assertThat(page.text("[data-testid=facts-dispensary]")).as("the attestations, kept on the case")
					.contains("Attestations").contains("Signed");
				axeAtBothSizes(page, "case screen");
				press(page, Keys.SPACE);
				page.tabTo("#decide-next");
				press(page, Keys.ENTER);
				onCase(page, second);
				long actions = keysPressed.stream().filter(key -> !key.equals("Tab")).count();
				System.out.println("Reviewer actions from the queue to a decided clean case: " + actions + " (" 
						+ String.join(" ", keysPressed) + ")");
				assertThat(actions).as("keys other than Tab: %s", keysPressed).isLessThanOrEqualTo(4);
				assertThat(cases.reload(first).getStatus()).isEqualTo(ApplicationStatus.APPROVED);

				// its proof of residency is a PDF: shown as a page image the server rendered, never as a PDF
				page.tabTo("[data-testid=doc-tab-identity]");
				press(page, Keys.ARROW_RIGHT);
				await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(browser.driver().executeScript(
						"var img = document.getElementById('viewer-image');"
								+ " var tab = document.querySelector('[data-testid=doc-tab-residency]');"
								+ " return !!img && img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:')"
								+ " && img.alt.startsWith('Proof of residency, page 1')"
								+ " && tab.getAttribute('aria-selected') === 'true';")));
				// the image came from the server's page renderer (a JPEG), fetched with the session
				assertThat(page.fetch(String.valueOf(browser.driver().executeScript(
						"return document.querySelector('[data-testid=download-original-file]').getAttribute('href')"
								+ ".replace(/original$/, 'pages/1');")))).startsWith("200 image/jpeg");
				assertThat(browser.driver().findElements(By.cssSelector("iframe, object, embed"))).as("no PDF viewer")
					.isEmpty();
				axeAtBothSizes(page, "PDF page preview");

				// the second: deny, first without a reason (the form says so), then with one
				page.tabTo(APPROVE);
				press(page, Keys.ARROW_DOWN);
				page.tabTo("#decide");
				press(page, Keys.ENTER);
				browser.visible(By.cssSelector(".error-summary"));
				axeAtBothSizes(page, "decision with an error");
				assertThat(cases.reload(second).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
				// a short list of reasons is a radio group: the first is "Incomplete application"
				page.tabTo("input[id$='Field_DenialReason-0']");
				press(page, Keys.SPACE);
				page.tabTo("#decide-next");
				press(page, Keys.ENTER);
				onCase(page, third);
				assertThat(cases.reload(second).getStatus()).isEqualTo(ApplicationStatus.DENIED);
				assertThat(cases.reload(second).getDenialReason()).isEqualTo("incomplete-application");

				// the third: ask the applicant for information, then back to the queue
				page.tabTo(APPROVE);
				press(page, Keys.ARROW_DOWN);
				press(page, Keys.ARROW_DOWN);
				page.tabTo("textarea[id$='Field_InformationRequest']");
				page.keys("A utility bill from the last 90 days, please.");
				axeAtBothSizes(page, "request for information");
				page.tabTo("#decide");
				press(page, Keys.ENTER);
				page.at("Unassigned");
				browser.visible(By.id("flash-notice"));
				axeAtBothSizes(page, "queue after the decisions");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> cases.reload(third).getStatus() == ApplicationStatus.INFORMATION_REQUESTED);
				browser.screenshot("workspace-queue-done");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("workspace-failure");
				throw ex;
			}
			finally {
				page.axeLog().forEach(line -> System.out.println("axe " + line));
			}
		}
		assertThat(jdbc.sql("select count(distinct application_number) from case_access where staff_user = 'reviewer' "
				+ "and what = 'CASE' and application_number in (?, ?, ?)")
			.params(first.getApplicationNumber(), second.getApplicationNumber(), third.getApplicationNumber())
			.query(Long.class)
			.single()).as("every case opened is in the access log").isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from case_access where staff_user = 'reviewer' and what = 'PREVIEW'")
			.query(Long.class)
			.single()).as("the documents were looked at").isPositive();
	}

	private Application submitted() {
		Application application = cases.certify();
		cases.completeApplicantSteps(application);
		return application;
	}

	private void onCase(BrowserPage page, Application application) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try {
				return page.text("#case-title").contains(application.getApplicationNumber())
						&& !page.browser().driver().findElements(By.cssSelector(APPROVE)).isEmpty()
						&& !page.browser().driver().findElements(By.cssSelector("#viewer-image")).isEmpty();
			}
			catch (RuntimeException rendering) {
				return false;
			}
		});
	}

	private void press(BrowserPage page, CharSequence key) {
		keysPressed.add(key == Keys.ENTER ? "Enter" : key == Keys.SPACE ? "Space" : key == Keys.ARROW_DOWN ? "Down"
				: key == Keys.ARROW_RIGHT ? "Right" : key.toString());
		page.keys(key);
	}

	/** The whole page within the window: nothing below the fold, nothing to the side. */
	private static void assertNoScrolling(BrowserPage page, String state) {
		@SuppressWarnings("unchecked")
		Map<String, Long> size = (Map<String, Long>) page.browser()
			.driver()
			.executeScript("return {scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight,"
					+ " scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};");
		assertThat(size.get("scrollHeight")).as("%s: page height %s", state, size).isLessThanOrEqualTo(size.get("innerHeight"));
		assertThat(size.get("scrollWidth")).as("%s: page width %s", state, size).isLessThanOrEqualTo(size.get("innerWidth"));
	}

	private static void axeAtBothSizes(BrowserPage page, String state) {
		page.browser().driver().manage().window().setSize(WIDE);
		page.axe(state + " at 1920x1080");
		page.browser().screenshot("workspace-" + state.replace(' ', '-') + "-1920");
		page.browser().driver().manage().window().setSize(DESK);
		page.axe(state + " at 1366x768");
		page.browser().screenshot("workspace-" + state.replace(' ', '-') + "-1366");
	}

}
