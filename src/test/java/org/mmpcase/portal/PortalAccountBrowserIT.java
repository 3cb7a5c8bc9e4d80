package org.mmpcase.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mmpcase.support.ApiFixtures.certification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.PostgresTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The account pages and the session in the browser, with a 30-second session so that the timeout warning (WCAG
 * 2.2.1) comes quickly: the warning dialog takes the focus and extends the session, an ignored warning signs the user
 * out; forgot/reset password from the e-mail link; a new activation link; Spanish; text at 200 % on a phone.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "mmp.portal.session-timeout=PT30S" })
@org.springframework.context.annotation.Import(CaseDriver.class)
class PortalAccountBrowserIT extends PostgresTest {

	@org.springframework.beans.factory.annotation.Autowired
	CaseDriver cases;

	/** Activates the account with the code of the invitation, wherever it is among the e-mails to the address. */
	private void activate(String email) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !Mails.to(email).isEmpty());
		String code = Mails.to(email)
			.stream()
			.map(Mails::text)
			.map(text -> Pattern.compile("activation code:\\s+(\\S+)").matcher(text))
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no invitation to " + email));
		new Http(port)
			.post("/api/accounts/activate", Map.of("email", email, "invitationCode", code, "password", PASSWORD), null,
					null)
			.expect(204);
	}

	@Test
	void informationRequested_thePatientReadsTheRequestAndAnswersInThePortal() throws Exception {
		org.mmpcase.registration.Application application = cases.certify();
		String email = application.getApplicant().getEmail();
		activate(email);
		cases.completeApplicantSteps(application);
		cases.review(application, org.mmpcase.registration.CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(org.mmpcase.registration.CaseVariables.INFORMATION_REQUEST,
						"Please tell us which pharmacy you used before."));
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-information-failure", () -> {
				signIn(page, email, PASSWORD);
				page.at("Your applications");
				page.activate("main a[href='/portal/applications/" + application.getApplicationNumber() + "']");
				assertThat(page.text(".badge")).isEqualTo("More information needed");
				page.axe("status information requested");
				page.activate("#continue");
				page.at("Provide the requested information");
				assertThat(browser.driver()
					.findElement(By.cssSelector("[id$='-Field_InformationRequest']"))
					.getDomProperty("value")).isEqualTo("Please tell us which pharmacy you used before.");
				page.activate("#next");
				page.browser().visible(By.cssSelector(".error-summary"));
				page.axe("provide information with errors");
				page.type("textarea[id$='-Field_InformationResponse']", "The Elm Street pharmacy in Hartford.");
				page.activate("#next");
				page.at("Registration " + application.getApplicationNumber());
				await().atMost(Duration.ofSeconds(20))
					.until(() -> cases.reload(application).getStatus() == org.mmpcase.registration.ApplicationStatus.SUBMITTED);
				assertThat(page.text(".badge")).isEqualTo("Submitted, in review");
			});
		}
	}

	@Test
	void patientNeedingACaregiver_namesTheCaregiver_whoIsInvited() throws Exception {
		String email = CaseDriver.uniqueEmail("needs-caregiver");
		cases.certify(CaseDriver.certificationFor(email, java.time.LocalDate.of(1950, 8, 9), true));
		activate(email);
		String caregiver = CaseDriver.uniqueEmail("caregiver");
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-caregiver-failure", () -> {
				signIn(page, email, PASSWORD);
				page.at("Your applications");
				page.activate("main a[href^='/portal/applications/']");
				page.activate("#caregiver-link");
				page.at("Name your caregiver");
				page.axe("caregiver page");
				page.type("#f-firstName", "Casey");
				page.type("#f-lastName", "Rivera");
				page.tabTo("#f-dateOfBirth");
				page.keys("03021985");
				page.type("#f-email", email);
				page.type("#f-street", "12 Elm Street");
				page.type("#f-city", "Hartford");
				page.type("#f-zip", "06106");
				page.tabTo("#f-relationship");
				page.keys("Brother");
				page.activate("#caregiver button[type=submit]");
				assertThat(page.text("#f-email-error")).contains("own caregiver");
				page.axe("caregiver page refused");
				page.tabTo("#f-email").clear();
				page.type("#f-email", caregiver);
				page.activate("#caregiver button[type=submit]");
				assertThat(page.text(".notice--success")).contains(caregiver);
				await().atMost(Duration.ofSeconds(20)).until(() -> !Mails.to(caregiver).isEmpty());
			});
		}
	}

	@Test
	void approvedRegistration_nearItsExpiry_offersRenewal_andTheCertificate() throws Exception {
		// certified 12 months ago less 10 days, for 12 months: the registration expires in 10 days
		String email = CaseDriver.uniqueEmail("renewing");
		org.mmpcase.registration.Application application = cases
			.certify(new org.mmpcase.registration.CertificationRequest("Jordan", "Rivera",
					java.time.LocalDate.of(1975, 2, 3), email, "12 Elm Street", "Hartford", "06106", "Chronic pain",
					java.time.LocalDate.now().minusMonths(12).plusDays(10), 12, false));
		activate(email);
		cases.completeApplicantSteps(application);
		cases.review(application, org.mmpcase.registration.CaseVariables.DECISION_APPROVE, Map.of());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> cases.reload(application).getStatus() == org.mmpcase.registration.ApplicationStatus.APPROVED);
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-renewal-failure", () -> {
				signIn(page, email, PASSWORD);
				page.at("Your applications");
				page.activate("main a[href='/portal/applications/" + application.getApplicationNumber() + "']");
				page.at("Registration " + application.getApplicationNumber());
				assertThat(page.text(".panel--renewal")).contains("Renewal is open");
				assertThat(page.fetch(browser.driver()
					.findElement(By.id("certificate-download"))
					.getDomAttribute("href"))).startsWith("200 application/pdf %PDF-");
				page.axe("status approved, renewal open");
			});
		}
	}

	private static final String PASSWORD = "quiet-harbour-lantern-42";

	@LocalServerPort
	int port;

	private String patient() {
		Http http = new Http(port);
		String email = CaseDriver.uniqueEmail("browser-account");
		ApiFixtures.activatedPatient(http, certification(email), PASSWORD);
		return email;
	}

	private static void signIn(BrowserPage page, String email, String password) {
		page.open("/portal/sign-in");
		page.at("Sign in");
		page.type("#f-email", email);
		page.type("#f-password", password);
		page.activate("button[type=submit]");
	}

	private static void failing(Browser browser, String name, Runnable run) throws Exception {
		try {
			run.run();
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(name);
			Files.writeString(Path.of("target", "browser", name + ".html"), browser.driver().getPageSource());
			throw ex;
		}
	}

	@Test
	void sessionTimeoutWarning_takesFocus_extendsTheSession_andAnIgnoredWarningSignsOut() throws Exception {
		String email = patient();
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-timeout-failure", () -> {
				signIn(page, email, PASSWORD);
				page.at("Your applications");

				// warned 15 s before the end of a 30 s session
				By dialog = By.id("timeout-dialog");
				await().atMost(Duration.ofSeconds(25)).until(() -> browser.driver().findElement(dialog).isDisplayed());
				assertThat(page.active().getDomAttribute("id")).as("focus in the dialog").isEqualTo("timeout-extend");
				assertThat(page.text("#timeout-text")).contains("signed out in");
				page.axe("session timeout warning");
				page.keys(Keys.ENTER);
				await().atMost(Duration.ofSeconds(5)).until(() -> !browser.driver().findElement(dialog).isDisplayed());
				assertThat(page.fetch("/api/session")).startsWith("200");

				// ignored: signed out at the end, told why
				await().atMost(Duration.ofSeconds(25)).until(() -> browser.driver().findElement(dialog).isDisplayed());
				page.at("Sign in");
				await().atMost(Duration.ofSeconds(25))
					.until(() -> page.text("main").contains("signed out because there was no activity"));
				assertThat(browser.driver().findElement(dialog).isDisplayed()).isFalse();
				page.axe("signed out after the timeout");
				assertThat(page.fetch("/api/session")).startsWith("401");
			});
		}
	}

	@Test
	void forgottenPassword_resetFromTheEmailLink_thenSignIn_andANewActivationLinkPage() throws Exception {
		String email = patient();
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-reset-failure", () -> {
				page.open("/portal/sign-in");
				page.at("Sign in");
				page.activate("a[href='/portal/forgot-password']");
				page.at("Forgot your password?");
				page.axe("forgot password");
				int mailsBefore = Mails.to(email).size();
				page.type("#f-email", email);
				page.activate("button[type=submit]");
				assertThat(page.text(".notice--success")).contains("on its way");
				page.axe("forgot password sent");

				await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(email).size() > mailsBefore);
				Matcher link = Pattern.compile("https?://\\S+(/portal/reset-password\\?\\S+)")
					.matcher(Mails.text(Mails.lastTo(email)));
				assertThat(link.find()).as("reset link in the e-mail").isTrue();
				page.open(link.group(1));
				page.at("Choose a new password");
				page.axe("reset password");
				page.type("#f-password", "short");
				page.type("#f-passwordRepeat", "short");
				page.activate("button[type=submit]");
				assertThat(page.text("#f-password-error")).isNotBlank();
				page.axe("reset password refused by the policy");
				String newPassword = "amber-falcon-meadow-7";
				page.tabTo("#f-password").clear();
				page.type("#f-password", newPassword);
				page.tabTo("#f-passwordRepeat").clear();
				page.type("#f-passwordRepeat", newPassword);
				page.activate("button[type=submit]");
				page.at("Sign in");
				assertThat(page.text(".notice--success")).contains("password was changed");
				page.type("#f-password", newPassword);
				page.activate("button[type=submit]");
				page.at("Your applications");
				page.activate("#sign-out");
				page.at("Sign in");

				page.activate("a[href='/portal/activation-link']");
				page.at("Get a new activation link");
				page.axe("new activation link");
				page.type("#f-email", "nobody-" + email);
				page.activate("button[type=submit]");
				assertThat(page.text(".notice--success")).contains("If there is an invitation");
			});
		}
	}

	@Test
	void spanish_byTheSwitch_formsAndPagesTranslated_andTextAt200PercentOnAPhoneDoesNotOverflow() throws Exception {
		String email = patient();
		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			failing(browser, "portal-spanish-failure", () -> {
				browser.driver().manage().window().setSize(new Dimension(360, 800));
				signIn(page, email, PASSWORD);
				page.at("Your applications");
				page.activate("#language-switch");
				page.at("Sus solicitudes");
				assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
				page.axe("home in Spanish");
				page.activate("main a[href^='/portal/applications/']");
				page.activate("#continue");
				page.at("Revise sus datos");
				assertThat(page.text("main")).contains("Paso 1 de 7", "Nombre", "Estos datos son correctos");
				page.axe("step 1 in Spanish");
				page.activate("#next");
				// nothing ticked and nothing to correct: the server's answer is shown at the field
				page.browser().visible(By.cssSelector(".error-summary"));
				assertThat(page.text(".error-summary")).contains("Hay un problema", "Díganos qué hay que corregir");
				page.axe("step 1 in Spanish with the server's errors");

				browser.driver().executeScript("document.documentElement.style.fontSize = '200%'");
				for (String path : new String[] { "/portal/forgot-password", "/portal/activation-link" }) {
					browser.driver().executeScript("history.pushState({}, '', arguments[0]);"
							+ "window.dispatchEvent(new PopStateEvent('popstate'))", path);
					await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver()
						.findElements(By.cssSelector("main form"))
						.size() == 1);
					Number overflow = (Number) browser.driver()
						.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
					assertThat(overflow.intValue()).as("horizontal scrolling at 200 %% text on " + path).isLessThanOrEqualTo(0);
				}
				page.axe("200% text at 360 px");
			});
		}
	}

}
