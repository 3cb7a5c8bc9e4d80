package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class VerificationScenarioTests extends ProcessTest {

	/** Each test looks up from an address of its own, so lockouts do not leak between tests. */
	private static final AtomicInteger CLIENTS = new AtomicInteger(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	JdbcTemplate jdbc;

	private final String client = "192.0.2." + CLIENTS.incrementAndGet();

	@Test
	void valid_answersStatusNameRoleExpiry_andNothingElse(CapturedOutput output) throws Exception {
		Registration registration = registered();
		String number = registration.getRegistrationNumber();

		String json = mvc.perform(from(get("/verify/api/{number}", number)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.status").value("valid"))
			.andExpect(jsonPath("$.name").value("Jordan Rivera"))
			.andExpect(jsonPath("$.role").value("patient"))
			.andExpect(jsonPath("$.expiresOn").value(registration.getExpiresOn().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).doesNotContain("Elm Street", "Chronic pain", "DSP-", "dateOfBirth", "@example.net");

		String page = mvc.perform(from(get("/verify/{number}", number.toLowerCase().replace("-", ""))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Valid registration", "Jordan Rivera", "Patient", "<label for=\"number\"",
				CertificatePdf.DATE.format(registration.getExpiresOn()));
		assertThat(page).doesNotContain("Elm Street", "Hartford dispensary");

		String masked = "MMP-****-" + number.substring(9);
		assertThat(output.getOut()).contains("Verification look-up of " + masked + " from " + client + ": valid")
			.doesNotContain("look-up of " + number)
			.doesNotContain("Verification look-up of MMP-****-" + number.substring(9) + " from " + client
					+ ": valid Jordan");
	}

	@Test
	void expired_afterTheExpiryDate_showsAsExpired() throws Exception {
		Registration registration = registered();
		jdbc.update("update registration set expires_on = ? where id = ?", LocalDate.now().minusDays(1),
				registration.getId());

		mvc.perform(from(get("/verify/api/{number}", registration.getRegistrationNumber())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("expired"))
			.andExpect(jsonPath("$.name").value("Jordan Rivera"));
		assertThat(mvc.perform(from(get("/verify").param("number", registration.getRegistrationNumber())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Expired: not valid");
	}

	@Test
	void unknownNumber_answersOnlyUnknown() throws Exception {
		String json = mvc.perform(from(get("/verify/api/{number}", "MMP-2222-2222")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("unknown"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).isEqualTo("{\"status\":\"unknown\"}");
		mvc.perform(from(get("/verify/api/{number}", "<script>"))).andExpect(jsonPath("$.status").value("unknown"));
	}

	@Test
	void fiveUnknownNumbers_clientLockedOut_otherClientsNot(CapturedOutput output) throws Exception {
		Registration registration = registered();
		for (int attempt = 0; attempt < 5; attempt++) {
			mvc.perform(from(get("/verify/api/MMP-2222-22" + (22 + attempt)))).andExpect(status().isOk());
		}

		mvc.perform(from(get("/verify/api/{number}", registration.getRegistrationNumber())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "300"))
			.andExpect(jsonPath("$.name").doesNotExist());
		mvc.perform(from(get("/verify/{number}", registration.getRegistrationNumber())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		mvc.perform(get("/verify/api/{number}", registration.getRegistrationNumber()).with(request -> {
			request.setRemoteAddr("198.51.100.7");
			return request;
		})).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("valid"));
		assertThat(output.getOut()).contains("client " + client + " locked out")
			.contains("from " + client + ": refused, client locked out");
	}

	@Test
	void verificationPage_isPublic_noAccountNeeded() throws Exception {
		mvc.perform(from(get("/verify")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<form method=\"get\" action=\"/verify\">")));
	}

	private MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
		return request.with(servletRequest -> {
			servletRequest.setRemoteAddr(client);
			return servletRequest;
		});
	}

	private Registration registered() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application)).get(0);
	}

}
