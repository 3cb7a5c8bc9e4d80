package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmpcase.support.ApiFixtures.certification;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.TestFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Documents over real HTTP (Tomcat's limits, the filters, the headers a browser sees): the applicant uploads, DCP
 * staff open the files with HTTP Basic or with the session of the Camunda webapps they are logged in to.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
class DocumentsOverHttpIT extends PostgresTest {

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	Http http;

	String patient;

	String documentsPath;

	@BeforeEach
	void patientWithAnApplication() {
		http = new Http(port);
		patient = CaseDriver.uniqueEmail("docs");
		String number = ApiFixtures.activatedPatient(http, certification(patient), PASSWORD);
		documentsPath = "/api/applications/" + number + "/documents";
	}

	@Test
	void reviewer_opensAPhotoInline_andAPdfAsDownload_withSafeHeaders() throws Exception {
		long photo = upload("identity", "passport.png", TestFiles.png()).get("id").asLong();
		long lease = upload("residency", "lease.pdf", TestFiles.pdf("Lease")).get("id").asLong();

		HttpResponse<byte[]> image = get("/review/documents/" + photo, basic("reviewer", "reviewer"));
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.body()).isEqualTo(TestFiles.png());
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Content-Disposition")).get().asString()
			.startsWith("inline")
			.contains("passport.png");
		assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(image.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("sandbox");
		assertThat(image.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

		HttpResponse<byte[]> pdf = get("/review/documents/" + lease, basic("supervisor", "supervisor"));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");

		assertThat(get("/review/documents/999999", basic("reviewer", "reviewer")).statusCode()).isEqualTo(404);
	}

	@Test
	void staffEndpoint_onlyForReviewersAndSupervisors() throws Exception {
		long photo = upload("identity", "passport.png", TestFiles.png()).get("id").asLong();
		String path = "/review/documents/" + photo;

		HttpResponse<byte[]> anonymous = get(path, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
		assertThat(get(path, basic(patient, PASSWORD)).statusCode()).as("an applicant is no DCP staff")
			.isEqualTo(401);
		assertThat(get(path, basic("nobody", "reviewer")).statusCode()).isEqualTo(401);
		assertThat(get(path, basic("owner", "owner")).statusCode()).as("process owner").isEqualTo(403);
		// a wrong password locks the user for a moment (Camunda's throttling): not a user other tests log in as
		assertThat(get(path, basic("owner", "wrong")).statusCode()).isEqualTo(401);
		assertThat(get("/api/applications/x/documents/" + photo, basic("reviewer", "reviewer")).statusCode())
			.as("staff are not applicants")
			.isEqualTo(401);
	}

	@Test
	void reviewerLoggedInToTasklist_opensTheLinkWithThatSession() throws Exception {
		long photo = upload("identity", "passport.png", TestFiles.png()).get("id").asLong();
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.discarding());
		String csrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");

		HttpResponse<String> login = browser.send(HttpRequest
			.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("username=reviewer&password=reviewer"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

		HttpResponse<byte[]> document = browser.send(HttpRequest.newBuilder(uri("/review/documents/" + photo)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).isEqualTo(TestFiles.png());
	}

	@Test
	void uploadOverTheMultipartLimit_413WithAMessage_notA500() {
		Http.Response response = http.upload(documentsPath, Map.of("category", "identity"), "scan.pdf",
				new byte[30 * 1024 * 1024], patient, PASSWORD);

		assertThat(response.status()).as(response.raw()).isEqualTo(413);
		assertThat(response.body().get("message").asText()).contains("too large");
		assertThat(http.get(documentsPath, patient, PASSWORD).expect(200).body()).isEmpty();
	}

	@Test
	void refusedUploadOverHttp_400WithItsReasonCode() {
		Http.Response response = http.upload(documentsPath, Map.of("category", "identity"), "lease.pdf",
				TestFiles.pdfWithJavaScript(), patient, PASSWORD);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("reason").asText()).isEqualTo("PDF_JAVASCRIPT");
		assertThat(response.body().at("/fieldErrors/file").asText()).contains("Save as PDF");
		assertThat(http.get(documentsPath, patient, PASSWORD).expect(200).body()).isEmpty();
	}

	@Test
	void pathInTheFileName_onlyItsLastPartRecorded() throws Exception {
		JsonNode uploaded = upload("identity", "../../../etc/passport.png", TestFiles.png());
		assertThat(uploaded.get("filename").asText()).isEqualTo("passport.png");
		JsonNode unicode = upload("residency", "F\u00fchrerschein \u4f4f\u6240.pdf", TestFiles.pdf("Lease"));
		HttpResponse<byte[]> download = get(documentsPath + "/" + unicode.get("id").asLong(),
				basic(patient, PASSWORD));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
			.contains("filename*=UTF-8''F%C3%BChrerschein%20%E4%BD%8F%E6%89%80.pdf");
	}

	private JsonNode upload(String category, String filename, byte[] content) {
		return http.upload(documentsPath, Map.of("category", category), filename, content, patient, PASSWORD)
			.expect(201)
			.body();
	}

	private HttpResponse<byte[]> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
