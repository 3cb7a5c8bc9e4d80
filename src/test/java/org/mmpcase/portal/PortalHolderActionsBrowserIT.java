package org.mmpcase.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.Person;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
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
 * A registered patient with a registered caregiver looks after their registration in the portal, from the keyboard
 * alone, on a 360 px wide phone screen: reports a new address with a proof of residency (first without filling
 * anything in: the errors at the fields; then with a file the document check refuses: its reason at the file input),
 * changes the dispensary (the changes left go down by one), removes the caregiver after a confirmation, and leaves the
 * program (first without ticking the confirmation: the error at the box), and reads the ended registration in
 * Spanish. axe-core checks every page and state on the way; the database and the public verification say what the
 * page says.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
@Import(CaseDriver.class)
class PortalHolderActionsBrowserIT extends PostgresTest {

	private static final String PASSWORD = "quiet-harbour-lantern-42";

	private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	ApplicationRepository applications;

	@Autowired
	RegistrationRepository registrations;

	@Test
	void registeredPatient_changesAddressDispensaryAndCaregiver_thenLeaves_keyboardOnly_accessible() throws Exception {
		String email = CaseDriver.uniqueEmail("holder");
		Application patient = registeredPatientWithCaregiver(email);
		Registration patientRegistration = registrationOf(patient);
		String number = patientRegistration.getRegistrationNumber();
		Application caregiver = caregiverOf(patient);
		Registration caregiverRegistration = registrationOf(caregiver);
		String section = "#registration-" + number;

		Path bill = Files.createTempFile("new-utility-bill-", ".pdf");
		Files.write(bill, TestFiles.pdf("Utility bill Jordan Rivera 40 Maple Avenue New Haven 06510"));
		Path notAPdf = Files.createTempFile("scan-", ".pdf");
		Files.writeString(notAPdf, "this is plain text, not a PDF");

		try (Browser browser = new Browser()) {
			BrowserPage page = new BrowserPage(browser, port);
			try {
				browser.driver().manage().window().setSize(new Dimension(360, 800));
				page.open("/portal/sign-in");
				page.at("Sign in");
				page.type("#f-email", email);
				page.type("#f-password", PASSWORD);
				page.activate("button[type=submit]");
				page.at("Your applications");
				assertThat(page.text("main")).contains("Patient registration " + number);
				page.axe("home with the registration");

				page.activate("#my-registration");
				page.at("My registration");
				assertThat(page.text(section + "-standing")).contains("Valid");
				assertThat(page.text(section + "-caregiver")).contains("Casey Carer",
						caregiverRegistration.getRegistrationNumber());
				int changesLeft = firstNumber(page.text(section + "-dispensary-changes"));
				assertThat(page.text(section + "-dispensary-changes")).endsWith("changes left in the last 12 months");
				assertThat(actions(page)).contains("change-address", "change-dispensary", "remove-caregiver",
						"surrender");
				page.axe("my registration");

				// a new address with a proof of residency: first nothing filled in, then everything
				page.activate("a[data-action=change-address]");
				page.at("Report a new address");
				page.axe("new address");
				page.activate("#send-change");
				browser.visible(By.cssSelector(".error-summary"));
				assertThat(browser.driver().findElement(By.id("change-street")).getDomAttribute("aria-invalid"))
					.isEqualTo("true");
				assertThat(browser.driver().findElement(By.id("change-file")).getDomAttribute("aria-describedby"))
					.contains("change-file-error");
				assertThat(page.text("#change-file-error")).contains("Choose the file");
				page.axe("new address with errors");
				page.type("#change-street", "40 Maple Avenue");
				page.type("#change-city", "New Haven");
				page.type("#change-zip", "06510");
				page.tabTo("#change-declaredType");
				page.keys(Keys.ARROW_DOWN);
				assertThat(browser.driver().findElement(By.id("change-declaredType")).getDomProperty("value"))
					.isEqualTo("utility-bill");
				// a file that is no PDF: the document check's refusal at the file input, nothing sent for review
				page.tabTo("#change-file").sendKeys(notAPdf.toString());
				page.activate("#send-change");
				await().atMost(Duration.ofSeconds(20))
					.until(() -> !browser.driver().findElements(By.id("change-file-error")).isEmpty());
				assertThat(page.text("#change-file-error")).isNotBlank().doesNotContain("Choose the file");
				assertThat(browser.driver().findElement(By.id("change-file")).getDomAttribute("aria-invalid"))
					.isEqualTo("true");
				assertThat(page.text("#change-status")).contains("not sent");
				page.axe("new address with a refused file");
				page.tabTo("#change-file").sendKeys(bill.toString());
				page.axe("new address filled in");
				page.activate("#send-change");
				page.at("My registration");
				assertThat(page.text(".notice--success")).contains("new address was sent for review");
				assertThat(page.text(section + "-pending")).contains("In review", "your new address");
				page.axe("my registration, address change in review");
				// the change's own page: where the holder would answer DCP's request for information
				String changeLink = browser.driver()
					.findElement(By.cssSelector(section + "-pending a"))
					.getDomAttribute("href");
				String changeNumber = changeLink.substring(changeLink.lastIndexOf('/') + 1);
				page.activate(section + "-pending a");
				page.at("Reported change " + changeNumber);
				assertThat(page.text("main")).contains("Submitted, in review");
				page.axe("the reported change's status");
				page.activate("main a[href='/portal/']");
				page.at("Your applications");
				page.activate("#my-registration");
				page.at("My registration");

				// the dispensary: one change fewer left
				page.activate("a[data-action=change-dispensary]");
				page.at("Change your dispensary");
				assertThat(firstNumber(page.text("#dispensary-changes-left"))).isEqualTo(changesLeft);
				page.axe("change dispensary");
				page.tabTo("#dispensary-dispensaryCode");
				page.keys(Keys.ARROW_DOWN);
				String chosen = String.valueOf(browser.driver()
					.findElement(By.id("dispensary-dispensaryCode"))
					.getDomProperty("value"));
				assertThat(chosen).startsWith("DSP-").isNotEqualTo(patientRegistration.getDispensaryCode());
				page.activate("#change-dispensary");
				page.at("My registration");
				assertThat(page.text(".notice--success")).contains("Your dispensary is now");
				assertThat(firstNumber(page.text(section + "-dispensary-changes"))).isEqualTo(changesLeft - 1);
				assertThat(registrations.findByRegistrationNumber(number).orElseThrow().getDispensaryCode())
					.isEqualTo(chosen);
				page.axe("my registration after the dispensary change");

				// the caregiver removed, after the confirmation page
				page.activate("a[data-action=remove-caregiver]");
				page.at("Remove your caregiver");
				assertThat(page.text("main")).contains("ends at once");
				page.axe("remove caregiver");
				page.activate("#confirm");
				page.at("My registration");
				assertThat(page.text(".notice--success")).contains("no longer your caregiver");
				assertThat(page.text(section + "-caregiver")).contains("None named");
				assertThat(actions(page)).doesNotContain("remove-caregiver", "replace-caregiver");
				assertThat(registrations.findByRegistrationNumber(caregiverRegistration.getRegistrationNumber())
					.orElseThrow()
					.getStatus()).isEqualTo(Registration.Status.ENDED);
				page.axe("my registration without a caregiver");

				// leaving the program: not without ticking the confirmation
				page.activate("a[data-action=surrender]");
				page.at("Leave the program");
				assertThat(page.text("main")).contains("ends at once", "has ended",
						"The change in review (your new address) is withdrawn.");
				page.axe("leave the program");
				page.activate("#confirm");
				browser.visible(By.cssSelector(".error-summary"));
				assertThat(page.text("#confirm-confirm-error")).contains("Tick the box");
				assertThat(browser.driver().findElement(By.id("confirm-confirm")).getDomAttribute("aria-describedby"))
					.contains("confirm-confirm-error");
				assertThat(registrations.findByRegistrationNumber(number).orElseThrow().getStatus())
					.isEqualTo(Registration.Status.ACTIVE);
				page.axe("leave the program with an error");
				page.press("#confirm-confirm", Keys.SPACE);
				page.activate("#confirm");
				page.at("My registration");
				assertThat(page.text(".notice--success")).contains(number, "has ended");
				assertThat(page.text(section + "-standing")).contains("Ended");
				assertThat(actions(page)).isEmpty();
				page.axe("my registration ended");
				page.activate("#language-switch");
				page.at("Mi registro");
				assertThat(page.text(section + "-standing")).contains("Terminado");
				page.axe("my registration ended, in Spanish");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("portal-holder-actions-failure");
				Files.writeString(Path.of("target", "browser", "portal-holder-actions-failure.html"),
						browser.driver().getPageSource());
				throw ex;
			}
			finally {
				page.axeLog().forEach(line -> System.out.println("axe " + line));
			}
		}

		assertThat(registrations.findByRegistrationNumber(number).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.ENDED);
		assertThat(new Http(port).get("/verify/api/" + number, null, null).expect(200).body().get("status").asText())
			.isEqualTo("ended");
	}

	/**
	 * A patient certified as needing a caregiver, with an account (password {@link #PASSWORD}), registered; their
	 * caregiver, named over the API, registered too.
	 */
	private Application registeredPatientWithCaregiver(String email) {
		Http http = new Http(port);
		Application patient = cases.certify(CaseDriver.certificationFor(email, LocalDate.of(1975, 2, 3), true));
		http.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", ApiFixtures.invitationCode(email), "password", PASSWORD), null,
				null)
			.expect(204);
		approve(patient);
		String caregiverNumber = http
			.post("/api/applications/" + patient.getApplicationNumber() + "/caregiver",
					Map.of("firstName", "Casey", "lastName", "Carer", "dateOfBirth", "1970-03-04", "email",
							CaseDriver.uniqueEmail("caregiver"), "street", "5 Oak Avenue", "city", "New Haven", "zip",
							"06510", "relationship", "OTHER"),
					email, PASSWORD)
			.expect(201)
			.body()
			.get("applicationNumber")
			.asText();
		approve(applications.findByApplicationNumber(caregiverNumber).orElseThrow());
		return cases.reload(patient);
	}

	private void approve(Application application) {
		cases.completeApplicantSteps(application);
		cases.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> cases.reload(application).getStatus() == ApplicationStatus.APPROVED
					&& !registrations.findByApplicationOrderByIssuedAtDesc(cases.reload(application)).isEmpty());
	}

	private Registration registrationOf(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(cases.reload(application)).get(0);
	}

	private Application caregiverOf(Application patient) {
		Person holder = cases.reload(patient).getApplicant();
		return registrations.caregiversOf(holder, Registration.Status.currentSet()).get(0).getApplication();
	}

	/** The actions offered on the page, by their data-action. */
	private static List<String> actions(BrowserPage page) {
		return page.browser()
			.driver()
			.findElements(By.cssSelector("main a[data-action]"))
			.stream()
			.map(link -> link.getDomAttribute("data-action"))
			.toList();
	}

	private static int firstNumber(String text) {
		Matcher matcher = FIRST_NUMBER.matcher(text);
		assertThat(matcher.find()).as("a number in %s", text).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
