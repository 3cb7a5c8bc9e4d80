package org.mmpcase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
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
 * A reviewer works the queue in the real Tasklist, in headless Chromium: log in, open the unassigned-reviews filter,
 * claim the review, see the application's data in the form, approve, and the process moves on.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
@Import(CaseDriver.class)
class TasklistReviewBrowserIT extends PostgresTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	/** The values of the form's fields as the reviewer sees them (DOM properties, not attributes). */
	private static java.util.List<String> shownValues(Browser browser) {
		return browser.driver()
			.findElements(By.cssSelector("form input, form textarea"))
			.stream()
			.map(field -> field.getDomProperty("value"))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	@Test
	void reviewer_claimsAndApprovesInTasklist_processMovesOn() {
		Application application = cases.certify();
		cases.completeApplicantSteps(application);
		String taskName = "Review initial registration - " + application.getApplicationNumber();

		try (Browser browser = new Browser()) {
			try {
				browser.open("http://localhost:" + port + "/camunda/app/tasklist/");
				browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("reviewer");
				browser.visible(By.cssSelector("input[ng-model='password']")).sendKeys("reviewer");
				browser.clickable(By.cssSelector("button[type='submit']")).click();

				browser.clickable(By.xpath("//*[contains(text(),'Reviews - unassigned, by due date')]")).click();
				browser.clickable(By.xpath("//*[contains(text(),'" + taskName + "')]")).click();
				browser.clickable(By.xpath("//button[normalize-space()='Claim']")).click();

				browser.visible(By.xpath("//label[normalize-space()='Application number']"));
				await().atMost(Duration.ofSeconds(10))
					.until(() -> shownValues(browser).contains(application.getApplicationNumber()));
				assertThat(shownValues(browser)).contains("Jordan Rivera", "DSP-HARTFORD", "drivers-license", "No fee",
						application.getCertification().getCertificationDate().toString());
				assertThat(browser.driver().findElements(By.cssSelector("form a[href*='/review/documents/']")))
					.as("links to both documents in the document summary")
					.hasSize(2);
				browser.screenshot("tasklist-review-form");

				browser.click(By.xpath("//label[contains(normalize-space(.),'Approve')]"));
				browser.click(By.xpath("//button[normalize-space()='Complete']"));

				await().atMost(Duration.ofSeconds(30))
					.until(() -> cases.reload(application).getStatus() == ApplicationStatus.APPROVED);
				browser.screenshot("tasklist-after-complete");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("tasklist-failure");
				throw ex;
			}
		}
	}

}
