package org.mmpcase.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.TestFees;
import org.mmpcase.support.TestFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A new patient registers in the browser, from the keyboard alone, on a 360 px wide phone screen: the provider
 * certifies them on the provider page, the patient activates the account from the link in the invitation e-mail
 * (read in GreenMail), signs in, works every step (a document the check refuses, shown at its file input; the review
 * page; the attestations; a declined card, then a good one), a reviewer approves, and the patient downloads the
 * certificate. axe-core checks every page and state on the way. The pre-2023 fee schedule is deployed so that the
 * payment step is part of the run.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
@Import(CaseDriver.class)
class PortalRegistrationBrowserIT extends PostgresTest {

	private static final String PASSWORD = "quiet-harbour-lantern-42";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ApplicationRepository applications;

	@Autowired
	CaseDriver cases;

	String feeDeployment;

	@BeforeEach
	void deployFees() {
		feeDeployment = TestFees.deploy(repositoryService);
	}

	@AfterEach
	void removeFees() {
		TestFees.remove(repositoryService, feeDeployment);
	}

	@Test
	void newPatient_registersInTheBrowser_keyboardOnly_atPhoneWidth_untilTheCertificate() throws Exception {
		long started = System.nanoTime();
		String email = CaseDriver.uniqueEmail("browser-patient");
		Path passport = Files.createTempFile("passport-", ".png");
		Files.write(passport, TestFiles.png());
		Path bill = Files.createTempFile("utility-bill-", ".pdf");
		Files.write(bill, TestFiles.pdf("Utility bill Jordan Rivera 12 Elm Street Hartford 06106"));
		Path notAPdf = Files.createTempFile("scan-", ".pdf");
		Files.writeString(notAPdf, "this is plain text, not a PDF");

		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			try {
				browser.driver().manage().window().setSize(new Dimension(360, 800));

				// the provider certifies the patient on the provider page
				page.open("/portal/");
				page.at("Sign in");
				page.axe("sign-in");
				page.activate("button[type=submit]");
				page.browser().visible(By.cssSelector(".error-summary"));
				page.axe("sign-in with errors");
				page.type("#f-email", CaseDriver.PROVIDER);
				page.type("#f-password", "provider");
				page.activate("button[type=submit]");
				page.at("Certify patients");
				page.axe("provider page");
				page.activate("#certify button[type=submit]");
				page.browser().visible(By.cssSelector("#certify .error-summary"));
				page.axe("provider page with errors");
				page.type("#certify-firstName", "Jordan");
				page.type("#certify-lastName", "Rivera");
				page.tabTo("#certify-dateOfBirth");
				page.keys("05171980");
				page.type("#certify-email", email);
				page.type("#certify-street", "12 Elm Street");
				page.type("#certify-city", "Hartford");
				page.type("#certify-zip", "06106");
				page.type("#certify-qualifyingCondition", "Chronic pain");
				page.activate("#certify button[type=submit]");
				String certified = page.text(".notice--success");
				Matcher number = Pattern.compile("A-[A-Z0-9]{4}-[A-Z0-9]{4}").matcher(certified);
				assertThat(number.find()).as(certified).isTrue();
				String applicationNumber = number.group();
				page.axe("provider page after certifying");
				page.activate("#sign-out");
				page.at("Sign in");

				// the patient opens the activation link from the invitation e-mail
				ApiFixtures.invitationCode(email);
				Matcher link = Pattern.compile("https?://\\S+(/portal/activate\\?\\S+)")
					.matcher(Mails.text(Mails.lastTo(email)));
				assertThat(link.find()).as("activation link in the invitation").isTrue();
				page.open(link.group(1));
				page.at("Activate your account");
				assertThat(browser.driver().findElement(By.id("f-email")).getDomProperty("value")).isEqualTo(email);
				assertThat(browser.driver().findElement(By.id("f-invitationCode")).getDomProperty("value")).isNotBlank();
				page.axe("activate");
				page.type("#f-password", PASSWORD);
				page.type("#f-passwordRepeat", PASSWORD + "x");
				page.activate("button[type=submit]");
				assertThat(page.text("#f-passwordRepeat-error")).contains("not the same");
				page.axe("activate with errors");
				browser.driver().findElement(By.id("f-passwordRepeat")).clear();
				page.type("#f-passwordRepeat", PASSWORD);
				page.activate("button[type=submit]");

				// signed in at once: home, status, then the steps
				page.at("Your applications");
				page.axe("home");
				page.activate("a[href='/portal/applications/" + applicationNumber + "']");
				page.at("Registration " + applicationNumber);
				assertThat(page.text(".steps__count")).isEqualTo("Step 1 of 7");
				page.axe("status in progress");
				page.activate("#continue");

				page.at("Check your details");
				assertThat(browser.driver().findElement(By.cssSelector("[aria-current=step]")).getText())
					.isEqualTo("Check your details");
				page.axe("step 1 confirm profile");
				page.press("input[id$='-Field_ProfileConfirmed']", Keys.SPACE);
				page.activate("#next");

				page.at("Choose a dispensary");
				assertThat(page.text(".steps__count")).isEqualTo("Step 2 of 7");
				page.activate("#next");
				page.browser().visible(By.cssSelector(".error-summary"));
				page.axe("step 2 dispensary with errors");
				page.tabTo("input[name=dispensaryCode]");
				page.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
				assertThat(browser.driver().findElement(By.cssSelector("input[name=dispensaryCode]:checked"))
					.getDomAttribute("id")).endsWith("-Field_DispensaryCode-2");
				page.axe("step 2 dispensary filled");
				page.activate("#next");

				page.at("Choose your documents");
				page.tabTo("input[name=identityDocumentType]");
				page.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
				page.tabTo("input[name=residencyDocumentType]");
				page.keys(Keys.SPACE);
				page.axe("step 3 document types");
				page.activate("#next");

				page.at("Upload your documents");
				page.axe("step 4 upload empty");
				page.tabTo("#file-identity").sendKeys(notAPdf.toString());
				await().atMost(Duration.ofSeconds(20)).until(() -> !browser.driver()
					.findElement(By.id("file-identity-error"))
					.getText()
					.isBlank());
				assertThat(browser.driver().findElement(By.id("file-identity")).getDomAttribute("aria-invalid"))
					.isEqualTo("true");
				assertThat(browser.driver().findElement(By.id("file-identity")).getDomAttribute("aria-describedby"))
					.contains("file-identity-error");
				assertThat(page.text("#file-identity-status")).contains("was not accepted");
				page.axe("step 4 upload refused");
				page.tabTo("#file-identity").sendKeys(passport.toString());
				await().atMost(Duration.ofSeconds(20))
					.until(() -> page.text("#file-identity-status").contains("was uploaded"));
				page.tabTo("#file-residency").sendKeys(bill.toString());
				await().atMost(Duration.ofSeconds(20))
					.until(() -> page.text("#file-residency-status").contains("was uploaded"));
				assertThat(browser.driver().findElement(By.id("file-identity-error")).isDisplayed()).isFalse();
				page.axe("step 4 upload done");
				page.activate("#next");

				page.at("Review your answers");
				assertThat(page.text("main")).contains("New Haven", "12 Elm Street", "Passport",
						passport.getFileName().toString());
				assertThat(page.text(".steps__count")).isEqualTo("Step 5 of 7");
				page.axe("step 5 review");
				page.activate("#to-sign");

				page.at("Confirm and sign");
				page.activate("#next");
				page.browser().visible(By.cssSelector(".error-summary"));
				page.axe("step 6 sign with errors");
				for (String field : new String[] { "AttestInformationTrue", "AttestUnderstandsLaw", "AttestNoDiversion",
						"AttestConsentToVerification" }) {
					page.press("input[id$='-Field_" + field + "']", Keys.SPACE);
				}
				page.activate("#next");

				page.at("Pay the fee (when one applies)");
				assertThat(page.text(".steps__count")).isEqualTo("Step 7 of 7");
				page.axe("step 7 payment");
				String expiry = YearMonth.now().plusYears(2).format(DateTimeFormatter.ofPattern("MM/yy"));
				pay(page, "4000 0000 0000 0002", expiry);
				page.at("Registration " + applicationNumber);
				// the charge runs in the background; the status page shows the step again when the card was declined
				browser.visible(By.id("continue"));
				page.activate("#continue");
				page.at("Pay the fee (when one applies)");
				assertThat(browser.driver()
					.findElement(By.cssSelector("[id$='-Field_PaymentDeclineReason']"))
					.getDomProperty("value")).isNotBlank();
				page.axe("step 7 payment declined");
				pay(page, "4242 4242 4242 4242", expiry);

				page.at("Registration " + applicationNumber);
				await().atMost(Duration.ofSeconds(30)).until(() -> page.text("main").contains("Expected decision by"));
				page.axe("status submitted");

				// a reviewer approves; the patient downloads the certificate
				Application application = applications.findByApplicationNumber(applicationNumber).orElseThrow();
				cases.review(application, "approve", Map.of());
				await().atMost(Duration.ofSeconds(30))
					.until(() -> cases.reload(application).getStatus() == ApplicationStatus.APPROVED);
				browser.driver().navigate().refresh();
				page.at("Registration " + applicationNumber);
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					if (browser.driver().findElements(By.id("certificate-download")).isEmpty()) {
						browser.driver().navigate().refresh();
						return false;
					}
					return true;
				});
				page.axe("status approved with certificate");
				page.tabTo("#certificate-download");
				String href = browser.driver().findElement(By.id("certificate-download")).getDomAttribute("href");
				assertThat(page.fetch(href)).startsWith("200 application/pdf %PDF-");

				Duration took = Duration.ofNanos(System.nanoTime() - started);
				System.out.printf("PORTAL BROWSER RUN: full registration in %d s; axe checked %d page states, all 0 "
						+ "violations:%n  %s%n", took.toSeconds(), page.axeLog().size(),
						String.join("\n  ", page.axeLog()));
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("portal-registration-failure");
				Files.writeString(Path.of("target", "browser", "portal-registration-failure.html"),
						browser.driver().getPageSource());
				throw ex;
			}
		}
	}

	@Test
	void provider_resendsAnInvitation_andAnUnknownRegistrationIsRefusedOnThePage() throws Exception {
		String email = CaseDriver.uniqueEmail("browser-reinvite");
		String number = new org.mmpcase.support.Http(port)
			.post("/api/provider/certifications", ApiFixtures.certification(email), CaseDriver.PROVIDER, "provider")
			.expect(201)
			.body()
			.get("applicationNumber")
			.asText();
		ApiFixtures.invitationCode(email);
		int invitations = Mails.to(email).size();
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			try {
				page.open("/portal/sign-in");
				page.at("Sign in");
				page.type("#f-email", CaseDriver.PROVIDER);
				page.type("#f-password", "provider");
				page.activate("button[type=submit]");
				page.at("Certify patients");

				page.type("#reinvite-applicationNumber", number.toLowerCase());
				page.activate("#reinvite button[type=submit]");
				assertThat(page.text(".notice--success")).contains(number);
				await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(email).size() > invitations);

				page.type("#recertify-registrationNumber", "MMP-0000-0000");
				page.type("#recertify-qualifyingCondition", "Chronic pain");
				page.activate("#recertify button[type=submit]");
				assertThat(page.text("#recertify .error-summary")).isNotBlank();
				page.axe("provider page with a refused re-certification");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("portal-provider-failure");
				throw ex;
			}
		}
	}

	private static void pay(BrowserPage page, String card, String expiry) {
		for (String field : new String[] { "CardholderName", "CardNumber", "CardExpiry", "CardCvc" }) {
			page.tabTo("input[id$='-Field_" + field + "']").clear();
		}
		page.type("input[id$='-Field_CardholderName']", "Jordan Rivera");
		page.type("input[id$='-Field_CardNumber']", card);
		page.type("input[id$='-Field_CardExpiry']", expiry);
		page.type("input[id$='-Field_CardCvc']", "123");
		page.activate("#next");
	}

}
