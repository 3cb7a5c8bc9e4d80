package org.mmpcase.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.shared.EngineAuthorizations;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.StaffFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The reviewer workspace's API over HTTP, as the page uses it: a session cookie and the CSRF header. Who sees what,
 * the case's facts from our tables, previews, the access log, and the decision with its bad input and races.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class ReviewerWorkspaceOverHttpIT extends PostgresTest {

	private static final String API = "/review/api";

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	EngineAuthorizations authorizations;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void otherGroup() {
		if (identityService.createUserQuery().userId("wanda").count() == 0) {
			// a wrong password locks the user for a moment (Camunda's throttling): only wanda ever gets one
			User wanda = identityService.newUser("wanda");
			wanda.setPassword("wanda-password-1");
			identityService.saveUser(wanda);
			identityService.createMembership("wanda", "reviewers");
		}
		StaffFixtures.otherGroupWithItsReviewer(identityService, authorizations);
	}

	private Http signedIn(String user, String password) {
		Http http = new Http(port);
		http.post(API + "/session", Map.of("username", user, "password", password), null, null).expect(200);
		return http;
	}

	private Application submitted() {
		Application application = cases.certify();
		cases.completeApplicantSteps(application);
		return application;
	}

	@Test
	void signIn_wrongPassword401_processOwner403_withoutCsrfToken403() {
		Http http = new Http(port);
		assertThat(http.get(API + "/session", null, null).status()).isEqualTo(401);
		JsonNode wrong = http.post(API + "/session", Map.of("username", "wanda", "password", "nope"), null, null)
			.expect(401)
			.body();
		assertThat(wrong.path("message").asText()).isEqualTo(WorkspaceSessionController.WRONG_CREDENTIALS);
		assertThat(http.post(API + "/session", Map.of("username", "owner", "password", "owner"), null, null)
			.expect(403)
			.body()
			.path("message")
			.asText()).contains("may not use the reviewer workspace");
		assertThat(http.exchange("POST", API + "/session", Map.of("username", "reviewer", "password", "reviewer"),
				Map.of()).status()).as("no CSRF header").isEqualTo(403);

		JsonNode user = http.post(API + "/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200)
			.body();
		assertThat(user.path("id").asText()).isEqualTo("reviewer");
		assertThat(user.path("supervisor").asBoolean()).isFalse();
		assertThat(user.path("timeoutSeconds").asLong()).isEqualTo(1800);
		String token = http.cookie("MMP-STAFF-XSRF").orElseThrow();
		String session = http.cookie("JSESSIONID").orElseThrow();
		assertThat(http.get(API + "/queue/views", null, null).expect(200).body().findValuesAsText("id"))
			.containsExactly("unassigned", "mine", "due-soon", "past-sla", "waiting");
		http.exchange("POST", API + "/session/extend", null, Map.of("X-MMP-STAFF-XSRF", token)).expect(200);
		assertThat(http.cookie("MMP-STAFF-XSRF")).as("the page's token stays valid").hasValue(token);
		assertThat(http.cookie("JSESSIONID")).as("one sign-in, one session id").hasValue(session);
		http.exchange("DELETE", API + "/session", null, Map.of("X-MMP-STAFF-XSRF", http.staffCsrfToken())).expect(204);
		assertThat(http.get(API + "/queue/views", null, null).status()).isEqualTo(401);
	}

	@Test
	void tasklistSession_isRecognised_andSigningOutOfTheWorkspaceEndsIt() {
		Http http = new Http(port);
		// the Camunda webapps' own login, with their CSRF token
		http.get("/camunda/app/tasklist/default/", null, null);
		String xsrf = http.cookie("XSRF-TOKEN").orElseThrow();
		http.exchange("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				"username=supervisor&password=supervisor", Map.of("X-XSRF-TOKEN", xsrf, "Content-Type",
						"application/x-www-form-urlencoded"))
			.expect(200);

		JsonNode user = http.get(API + "/session", null, null).expect(200).body();
		assertThat(user.path("id").asText()).isEqualTo("supervisor");
		assertThat(user.path("supervisor").asBoolean()).isTrue();

		http.exchange("DELETE", API + "/session", null, Map.of("X-MMP-STAFF-XSRF", http.staffCsrfToken())).expect(204);
		assertThat(http.get("/camunda/api/admin/auth/user/default", null, null).status()).as("Tasklist signed out")
			.isEqualTo(404);
	}

	@Test
	void reviewer_opensACase_factsFromOurTables_documentsPreviewed_everyViewLogged() throws IOException {
		Application application = submitted();
		String number = application.getApplicationNumber();
		Http reviewer = signedIn("reviewer", "reviewer");

		JsonNode page = reviewer.get(API + "/queue/unassigned?size=100", null, null).expect(200).body();
		JsonNode row = find(page.path("rows"), number);
		assertThat(row.path("applicantName").asText()).isEqualTo("Jordan Rivera");
		assertThat(row.path("kind").asText()).isEqualTo("initial");
		assertThat(row.path("role").asText()).isEqualTo("patient");
		assertThat(row.path("sla").asText()).isEqualTo("on-time");
		assertThat(row.path("documents").asText()).isEqualTo("Identity: no text (a photo). Residency: name and address found.");
		JsonNode counts = reviewer.get(API + "/queue/counts", null, null).expect(200).body();
		assertThat(counts.path("unassigned").path("count").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(counts.path("unassigned").path("capped").asBoolean()).isFalse();
		assertThat(counts.has("escalations")).as("supervisors only").isFalse();

		JsonNode facts = reviewer.get(API + "/cases/" + number, null, null).expect(200).body();
		assertThat(facts.path("certification").path("qualifyingCondition").asText()).isEqualTo("Chronic pain");
		assertThat(facts.path("certification").path("provider").asText()).isEqualTo(CaseDriver.PROVIDER);
		assertThat(facts.path("dispensary").path("name").asText()).isEqualTo("Hartford dispensary");
		assertThat(facts.path("applicant").path("street").asText()).isEqualTo("12 Elm Street");
		assertThat(facts.path("payment").path("status").asText()).isEqualTo("NO_FEE");
		assertThat(facts.path("tasks").get(0).path("canClaim").asBoolean()).isTrue();
		JsonNode documents = facts.path("documents");
		assertThat(documents).hasSize(2);
		long photo = documents.get(0).path("id").asLong();
		long bill = documents.get(1).path("id").asLong();
		assertThat(documents.get(1).path("hint").path("nameFound").asBoolean()).isTrue();

		JsonNode photoPreview = reviewer.get(API + "/cases/" + number + "/documents/" + photo + "/preview", null, null)
			.expect(200)
			.body();
		assertThat(photoPreview.path("kind").asText()).isEqualTo("image");
		Http.Bytes photoPage = reviewer.bytes(API + "/cases/" + number + "/documents/" + photo + "/pages/1");
		assertThat(photoPage.status()).isEqualTo(200);
		assertThat(photoPage.header("Content-Type")).isEqualTo("image/png");
		JsonNode billPreview = reviewer.get(API + "/cases/" + number + "/documents/" + bill + "/preview", null, null)
			.expect(200)
			.body();
		assertThat(billPreview.path("kind").asText()).isEqualTo("pdf");
		assertThat(billPreview.path("pages").asInt()).isEqualTo(1);
		Http.Bytes billPage = reviewer.bytes(API + "/cases/" + number + "/documents/" + bill + "/pages/1");
		assertThat(billPage.status()).isEqualTo(200);
		assertThat(billPage.header("Content-Type")).startsWith("image/");
		assertThat(ImageIO.read(new ByteArrayInputStream(billPage.body()))).as("a page image, not the PDF").isNotNull();
		assertThat(reviewer.bytes(API + "/cases/" + number + "/documents/" + bill + "/pages/2").status()).isEqualTo(404);
		Http.Bytes original = reviewer.bytes(API + "/cases/" + number + "/documents/" + bill + "/original");
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.header("Content-Disposition")).startsWith("attachment");
		assertThat(new String(original.body(), 0, 5)).isEqualTo("%PDF-");

		Http supervisor = signedIn("supervisor", "supervisor");
		JsonNode log = supervisor.get(API + "/cases/" + number + "/access-log", null, null).expect(200).body();
		assertThat(log.findValuesAsText("what")).containsExactly("original", "preview", "preview", "case");
		assertThat(log.findValuesAsText("user")).containsOnly("reviewer");
		assertThat(reviewer.get(API + "/cases/" + number + "/access-log", null, null).status()).isEqualTo(403);
	}

	@Test
	void otherGroupAndProcessOwner_seeNothing_andGet404ForTheCaseAndItsDocuments() {
		Application application = submitted();
		String number = application.getApplicationNumber();
		Http reviewer = signedIn("reviewer", "reviewer");
		long document = reviewer.get(API + "/cases/" + number, null, null).expect(200).body().path("documents").get(0)
			.path("id").asLong();

		Http lena = signedIn("lena", "lena-password-1");
		for (String view : List.of("unassigned", "mine", "due-soon", "past-sla", "waiting")) {
			assertThat(lena.get(API + "/queue/" + view, null, null).expect(200).body().path("rows")).as(view).isEmpty();
		}
		assertThat(lena.get(API + "/queue/escalations", null, null).status()).isEqualTo(404);
		assertThat(lena.get(API + "/cases/" + number, null, null).status()).isEqualTo(404);
		assertThat(lena.get(API + "/cases/A-0000-0000", null, null).status()).isEqualTo(404);
		assertThat(lena.get(API + "/cases/" + number + "/documents/" + document + "/preview", null, null).status())
			.isEqualTo(404);
		assertThat(lena.bytes(API + "/cases/" + number + "/documents/" + document + "/pages/1").status()).isEqualTo(404);
		assertThat(lena.bytes(API + "/cases/" + number + "/documents/" + document + "/original").status()).isEqualTo(404);
		String taskId = cases.reviewTask(application).getId();
		assertThat(lena.post(API + "/tasks/" + taskId + "/claim", Map.of(), null, null).status()).isEqualTo(404);

		Http owner = new Http(port);
		owner.get("/camunda/app/cockpit/default/", null, null);
		owner.exchange("POST", "/camunda/api/admin/auth/user/default/login/cockpit", "username=owner&password=owner",
				Map.of("X-XSRF-TOKEN", owner.cookie("XSRF-TOKEN").orElseThrow(), "Content-Type",
						"application/x-www-form-urlencoded"))
			.expect(200);
		assertThat(owner.get(API + "/queue/unassigned", null, null).status()).isEqualTo(403);
		assertThat(owner.get(API + "/cases/" + number, null, null).status()).isEqualTo(403);

		assertThat(jdbc.sql("select staff_user from case_access where application_number = ?")
			.param(number)
			.query(String.class)
			.list()).as("only the reviewer's view is logged").containsExactly("reviewer");
	}

	@Test
	void decision_badInput400NothingSaved_claimedByAnother409_thenDecided_thenAlreadyDecided409() {
		Application application = submitted();
		Task task = cases.reviewTask(application);
		Http reviewer = signedIn("reviewer", "reviewer");
		Http supervisor = signedIn("supervisor", "supervisor");
		String complete = API + "/tasks/" + task.getId() + "/complete";

		JsonNode form = reviewer.get(API + "/tasks/" + task.getId() + "/form", null, null).expect(200).body();
		assertThat(form.path("formId").asText()).isEqualTo("review-application");
		assertThat(form.path("values").path("applicationNumber").asText()).isEqualTo(application.getApplicationNumber());

		JsonNode noReason = reviewer.post(complete, Map.of("values", Map.of("reviewDecision", "deny")), null, null)
			.expect(400)
			.body();
		assertThat(noReason.path("fieldErrors").path("denialReason").asText()).contains("reason");
		JsonNode unknown = reviewer.post(complete, Map.of("values", Map.of("reviewDecision", "maybe")), null, null)
			.expect(400)
			.body();
		assertThat(unknown.path("fieldErrors").path("reviewDecision").asText()).isNotBlank();
		Task still = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(still).as("nothing saved").isNotNull();
		assertThat(still.getAssignee()).isNull();

		supervisor.post(API + "/tasks/" + task.getId() + "/claim", Map.of(), null, null).expect(200);
		JsonNode claimed = reviewer.post(complete, Map.of("values", Map.of("reviewDecision", "approve")), null, null)
			.expect(409)
			.body();
		assertThat(claimed.path("message").asText()).contains("claimed this task meanwhile");
		assertThat(reviewer.post(API + "/tasks/" + task.getId() + "/claim", Map.of(), null, null).expect(409).body()
			.path("message")
			.asText()).contains("claimed this task meanwhile");

		supervisor.put(API + "/tasks/" + task.getId() + "/assignee", Map.of("assignee", "reviewer"), null, null)
			.expect(200);
		reviewer.post(complete, Map.of("values", Map.of("reviewDecision", "approve", "reviewNotes", "All in order.")),
				null, null)
			.expect(200);
		assertThat(cases.reload(application).getStatus()).isEqualTo(ApplicationStatus.APPROVED);

		JsonNode again = supervisor.post(complete, Map.of("values", Map.of("reviewDecision", "deny", "denialReason",
				"false-information")), null, null).expect(409).body();
		assertThat(again.path("message").asText()).contains("already completed by Riley Reviewer");
		assertThat(jdbc.sql("select decided_by from review_record r join application a on a.id = r.application_id "
				+ "where a.application_number = ?")
			.param(application.getApplicationNumber())
			.query(String.class)
			.list()).containsExactly("reviewer");
	}

	@Test
	void requestForInformation_andItsAnswer_appearOnTheCaseForTheNextReview() {
		Application application = submitted();
		Task task = cases.reviewTask(application);
		Http reviewer = signedIn("reviewer", "reviewer");
		reviewer.post(API + "/tasks/" + task.getId() + "/complete", Map.of("values", Map.of("reviewDecision",
				"requestInformation", "informationRequest", "A utility bill from the last 90 days, please.")), null, null)
			.expect(200);
		cases.runDueJobs(application);
		JsonNode waitingRow = find(reviewer.get(API + "/queue/waiting?size=100", null, null).expect(200).body()
			.path("rows"), application.getApplicationNumber());
		assertThat(waitingRow.path("taskKind").asText()).isEqualTo("waiting");

		cases.complete(application, "Task_ProvideInformation",
				Map.of("informationResponse", "Uploaded this month's bill."));
		cases.runDueJobs(application);

		JsonNode facts = reviewer.get(API + "/cases/" + application.getApplicationNumber(), null, null).expect(200)
			.body();
		JsonNode request = facts.path("informationRequests").get(0);
		assertThat(request.path("question").asText()).isEqualTo("A utility bill from the last 90 days, please.");
		assertThat(request.path("answer").asText()).isEqualTo("Uploaded this month's bill.");
		assertThat(request.path("askedBy").asText()).isEqualTo("Riley Reviewer");
		assertThat(facts.path("tasks").get(0).path("taskKind").asText()).isEqualTo("review");
	}

	@Test
	void supervisor_seesAnEscalation_opensTheCase_andHandlesIt() {
		Application application = submitted();
		cases.fireTimer(application, org.mmpcase.review.ApplicationReviewProcess.TIMER_REVIEW_SLA_BREACHED);
		Http supervisor = signedIn("supervisor", "supervisor");
		JsonNode row = find(supervisor.get(API + "/queue/escalations", null, null).expect(200).body().path("rows"),
				application.getApplicationNumber());
		assertThat(row.path("taskKind").asText()).isEqualTo("escalation");
		String escalation = row.path("taskId").asText();
		JsonNode form = supervisor.get(API + "/tasks/" + escalation + "/form", null, null).expect(200).body();
		assertThat(form.path("formId").asText()).isEqualTo("handle-escalation");

		JsonNode missing = supervisor.post(API + "/tasks/" + escalation + "/complete", Map.of("values", Map.of()), null,
				null).expect(400).body();
		assertThat(missing.path("fieldErrors").has("escalationNotes")).isTrue();
		supervisor.post(API + "/tasks/" + escalation + "/complete",
				Map.of("values", Map.of("escalationNotes", "Asked Riley to finish it today.")), null, null)
			.expect(200);

		assertThat(supervisor.get(API + "/queue/escalations", null, null).expect(200).body().path("rows")
			.findValuesAsText("taskId")).doesNotContain(escalation);
		Http reviewer = signedIn("reviewer", "reviewer");
		assertThat(reviewer.get(API + "/queue/escalations", null, null).status()).as("supervisors only")
			.isEqualTo(404);
		JsonNode review = reviewer.get(API + "/cases/" + application.getApplicationNumber(), null, null).expect(200)
			.body()
			.path("tasks")
			.get(0);
		assertThat(review.path("taskKind").asText()).as("the review itself goes on").isEqualTo("review");
		assertThat(review.path("sla").asText()).isEqualTo("on-time");
	}

	private static JsonNode find(JsonNode rows, String applicationNumber) {
		for (JsonNode row : rows) {
			if (applicationNumber.equals(row.path("applicationNumber").asText())) {
				return row;
			}
		}
		throw new AssertionError(applicationNumber + " not in " + rows);
	}

}
