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
 * Tasklist keeps working beside the reviewer workspace: in headless Chromium a reviewer logs in, opens the
 * unassigned-reviews filter, claims the review, finds the link to the case in the workspace, approves in the form, and
 * the process moves on.
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

				// the form is the decision; the case itself is read in the reviewer workspace, one link away
				String workspace = "/review/cases/" + application.getApplicationNumber();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !browser.driver().findElements(By.cssSelector("form a[href$='" + workspace + "']"))
						.isEmpty());
				assertThat(browser.driver().findElement(By.cssSelector("form a[href$='" + workspace + "']")).getText())
					.isEqualTo("open it in the reviewer workspace");
				browser.visible(By.xpath("//label[contains(normalize-space(.),'Approve')]"));
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
