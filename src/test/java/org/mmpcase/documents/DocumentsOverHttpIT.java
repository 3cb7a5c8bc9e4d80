package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmpcase.support.ApiFixtures.certification;

import java.io.IOException;
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
	void theOldByIdStaffEndpoint_isGone_countingUpIdsReturnsNoDocument() throws Exception {
		long photo = upload("identity", "passport.png", TestFiles.png()).get("id").asLong();

		// staff open documents only through a case in their queue (workspace/CaseController); this path is now just
		// a route of the workspace's page
		HttpResponse<byte[]> response = get("/review/documents/" + photo, basic("reviewer", "reviewer"));
		assertThat(response.body()).isNotEqualTo(TestFiles.png());
		assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("image/");
		assertThat(get("/api/applications/x/documents/" + photo, basic("reviewer", "reviewer")).statusCode())
			.as("staff are not applicants")
			.isEqualTo(401);
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
