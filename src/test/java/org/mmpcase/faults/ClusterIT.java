package org.mmpcase.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.mmpcase.documents.DocumentKeysets;
import org.mmpcase.payment.StripeStub;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.Browser;
import org.mmpcase.support.BrowserPage;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestDatabase;
import org.mmpcase.support.TestFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The cluster as an operator runs it (docker-compose.yml): app nodes as processes of their own on one PostgreSQL, each
 * with its own data folder (no shared disk), behind Debian's HAProxy running tools/cluster/haproxy.cfg (round robin,
 * no stickiness; only its ports and server lines are this test's). Everything goes through the balancer, as a
 * browser's requests do: a patient's whole registration with a portal session (certified, account activated, every
 * step, documents uploaded, the fee paid), a reviewer in the workspace who previews the documents and approves. A
 * document uploaded through one node is previewed through another; the node the documents were uploaded through is
 * killed with SIGKILL in the middle, and the patient and the reviewer carry on without signing in again. Nothing is
 * lost and nothing done twice: one charge, one certificate, one of each e-mail.
 */
class ClusterIT {

	private static final int NODES = 3;

	private static final String PASSWORD = "lantern orchard 47 violet";

	private static final String NODE_HEADER = "X-MMP-Node";

	private static final String INVITATION = "Activate your Medical Marijuana Program account";

	private static final String RECEIPT = "Receipt for your Medical Marijuana Program payment";

	private static final String CERTIFICATE = "Approved: your Medical Marijuana Program certificate";

	private static final String WORKSPACE = "/review/api";

	private static final String BUCKET = "mmp-documents";

	private static final String S3_ACCESS_KEY = "mmp-cluster-access";

	private static final String S3_SECRET_KEY = "mmp-cluster-secret";

	private static S3Proxy store;

	private static final StripeStub stripe = new StripeStub(0);

	private static final List<NodeProcess> nodes = new ArrayList<>();

	private static Process balancer;

	private static int balancerPort;

	private static JdbcTemplate jdbc;

	/** Which node served each request of the test, in order. */
	private final List<String> served = new ArrayList<>();

	@BeforeAll
	static void startCluster() throws Exception {
		TestDatabase.Database database = TestDatabase.newDatabase();
		jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(), database.password()));
		Path files = Files.createTempDirectory("mmp-cluster-");
		Path processes = NodeCrashIT.processesWithFees(files);
		String endpoint = startObjectStore();
		// the documents' key, the same file for every node (as a secret deployed to each host)
		Path keyset = files.resolve("document-keys.json");
		DocumentKeysets.main(new String[] { "create", keyset.toString() });
		for (int i = 1; i <= NODES; i++) {
			String name = "node-" + i;
			// each node its own folder: nothing on a disk is shared
			Path own = Files.createDirectories(files.resolve(name));
			// jobs a killed node had locked are free again after 30 seconds (see NodeProcess.chargingProperties)
			Map<String, Object> properties = NodeProcess.chargingProperties(database, own, processes, stripe, name);
			// the documents in the object store, encrypted, as docker-compose.yml has them in MinIO
			properties.put("mmp.documents.storage", "s3");
			properties.put("mmp.documents.s3.bucket", BUCKET);
			properties.put("mmp.documents.s3.endpoint", endpoint);
			properties.put("mmp.documents.s3.path-style", "true");
			properties.put("mmp.documents.s3.access-key", S3_ACCESS_KEY);
			properties.put("mmp.documents.s3.secret-key", S3_SECRET_KEY);
			properties.put("mmp.documents.encryption.keyset-file", keyset);
			properties.put("mmp.public-url", "http://localhost:" + balancerPort());
			properties.put("mmp.operations.node-name", name);
			properties.put("server.forward-headers-strategy", "native");
			properties.put("camunda.bpm.generic-properties.properties.hostname", name);
			Path log = Path.of("target", "cluster-it-" + name + ".log");
			Files.deleteIfExists(log);
			nodes.add(new NodeProcess(properties, log));
		}
		// the first node makes the schemas and deploys the models; the others then start together
		nodes.get(0).start();
		CompletableFuture.allOf(nodes.stream()
			.skip(1)
			.map(node -> CompletableFuture.runAsync(node::start))
			.toArray(CompletableFuture[]::new)).join();
		balancer = startBalancer(files);
		// every node in rotation: three requests in a row are answered by three nodes
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			Set<String> answered = new LinkedHashSet<>();
			for (int i = 0; i < NODES; i++) {
				answered.add(new Http(balancerPort).get("/actuator/health", null, null).expect(200).headers()
					.firstValue(NODE_HEADER).orElseThrow());
			}
			return answered.size() == NODES;
		});
	}

	@AfterAll
	static void stopCluster() {
		if (balancer != null) {
			balancer.destroy();
		}
		nodes.forEach(NodeProcess::close);
		stripe.stop();
		if (store != null) {
			try {
				store.stop();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void registrationThroughTheBalancer_documentPreviewedOnAnotherNode_nodeKilled_everyoneCarriesOn_everythingOnce()
			throws IOException {
		String email = CaseDriver.uniqueEmail("cluster");
		Http patient = new Http(balancerPort);
		String number = track(patient.post("/api/provider/certifications", ApiFixtures.certification(email),
				CaseDriver.PROVIDER, "provider")).expect(201).body().get("applicationNumber").asText();
		track(patient.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", ApiFixtures.invitationCode(email), "password", PASSWORD), null,
				null)).expect(204);
		track(patient.exchange("POST", "/api/session", Map.of("email", email, "password", PASSWORD),
				Map.of("X-MMP-XSRF-TOKEN", patient.csrfToken()))).expect(200);
		Http reviewer = new Http(balancerPort);
		track(reviewer.post(WORKSPACE + "/session", Map.of("username", "reviewer", "password", "reviewer"), null,
				null)).expect(200);

		// the patient's steps up to the documents, each request to whichever node the balancer picks
		String uploadedThrough = null;
		String step;
		while (!(step = currentStep(patient, number)).equals("Task_SignAttestations")) {
			if (step.equals("Task_UploadDocuments")) {
				track(patient.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"),
						"passport.png", TestFiles.png(), null, null)).expect(201);
				Http.Response lease = track(patient.upload("/api/applications/" + number + "/documents",
						Map.of("category", "residency"), "lease.pdf", TestFiles.pdf("Lease 12 Elm Street Hartford"),
						null, null)).expect(201);
				uploadedThrough = node(lease);
			}
			track(patient.post("/api/applications/" + number + "/current-step?step=" + step,
					ApiFixtures.stepValues(step), null, null)).expect(200);
		}
		assertThat(uploadedThrough).as("the documents were uploaded").isNotNull();
		assertThat(Set.copyOf(served)).as("round robin: every node served the patient or the reviewer")
			.hasSize(NODES);

		// a supervisor (who sees every case, submitted or not) previews the documents: from another node
		Http supervisor = new Http(balancerPort);
		track(supervisor.post(WORKSPACE + "/session", Map.of("username", "supervisor", "password", "supervisor"),
				null, null)).expect(200);
		previewOnAnotherNode(supervisor, number, uploadedThrough);

		// SIGKILL the node the documents were uploaded through, in the middle of the registration
		NodeProcess killed = nodes.get(Integer.parseInt(uploadedThrough.substring("node-".length())) - 1);
		assertThat(killed.kill()).as("killed by SIGKILL").isEqualTo(137);
		int servedBeforeKill = served.size();

		// the patient carries on with the same session: signs the attestations, pays
		assertThat(track(patient.get("/api/session", null, null)).expect(200).body().path("email").asText())
			.as("still signed in").isEqualTo(email);
		while (!(step = currentStep(patient, number)).equals("none")) {
			track(patient.post("/api/applications/" + number + "/current-step?step=" + step,
					ApiFixtures.stepValues(step), null, null)).expect(200);
		}
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> status(patient, number).equals("SUBMITTED") && reviewTask(reviewer, number) != null);

		// the reviewer too: the same session, the documents from a node that is still there, the decision
		assertThat(track(reviewer.get(WORKSPACE + "/session", null, null)).expect(200).body().path("id").asText())
			.as("still signed in").isEqualTo("reviewer");
		previewOnAnotherNode(reviewer, number, uploadedThrough);
		String task = reviewTask(reviewer, number);
		track(reviewer.post(WORKSPACE + "/tasks/" + task + "/complete",
				Map.of("values", Map.of(CaseVariables.REVIEW_DECISION, "approve")), null, null)).expect(200);
		await().atMost(Duration.ofSeconds(60)).until(() -> status(patient, number).equals("APPROVED"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Mails.subjectsTo(email).contains(CERTIFICATE)
					&& Mails.subjectsTo(email).contains(RECEIPT));

		assertThat(served.subList(servedBeforeKill, served.size())).as("after the kill, the other nodes")
			.doesNotContain(uploadedThrough)
			.hasSizeGreaterThan(4);
		assertThat(Set.copyOf(served.subList(servedBeforeKill, served.size()))).hasSize(NODES - 1);
		Long id = jdbc.queryForObject("select id from application where application_number = ?", Long.class, number);
		assertThat(jdbc.queryForList("select status from payment where application_id = ?", String.class, id))
			.as("payments").containsExactly("SUCCEEDED");
		assertThat(stripe.charges()).as("charges at the gateway").hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from registration where application_id = ?", Long.class, id))
			.as("certificates").isOne();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("select count(*) from payment where receipt_sent_at is null", Long.class)
					== 0);
		assertThat(Node.countBy(jdbc.queryForList("select template from sent_email where application_id = ?",
				String.class, id))).isEqualTo(Map.of("payment-receipt", 1L, "certificate", 1L));
		assertThat(Mails.subjectsTo(email)).as("e-mails")
			.containsExactlyInAnyOrder(INVITATION, RECEIPT, CERTIFICATE);
		assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
		// what the nodes share is in the bucket, and encrypted: neither file is there as uploaded
		try (S3Client s3 = s3Client()) {
			// (the health checks' probes come and go under documents/.health/)
			List<S3Object> objects = s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("documents/"))
				.contents()
				.stream()
				.filter(object -> !object.key().contains("/.health/"))
				.toList();
			assertThat(objects).as("the two documents").hasSize(2);
			for (S3Object object : objects) {
				byte[] stored = s3.getObject(get -> get.bucket(BUCKET).key(object.key()), ResponseTransformer.toBytes())
					.asByteArray();
				assertThat(new String(stored, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1))
					.as("not the plaintext").doesNotStartWith("%PDF").doesNotContain("PNG");
			}
		}
		System.out.printf("ClusterIT: %d requests through the balancer, by node %s; %s killed after %d%n",
				served.size(), served.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())),
				uploadedThrough, servedBeforeKill);
	}

	/** Runs before or after the other test: with three nodes or with the two left, the same for the browser. */
	@Test
	void patientInTheBrowser_throughTheBalancer_signsInAndWorksAStep() {
		String email = CaseDriver.uniqueEmail("cluster-browser");
		Http http = new Http(balancerPort);
		String number = ApiFixtures.activatedPatient(http, ApiFixtures.certification(email), PASSWORD);
		try (Browser browser = new Browser()) {
			// every page, script and API request of the portal through the balancer, round robin over the nodes
			BrowserPage page = new BrowserPage(browser, balancerPort);
			try {
				page.open("/portal/");
				page.at("Sign in");
				page.type("#f-email", email);
				page.type("#f-password", PASSWORD);
				page.activate("button[type=submit]");
				page.at("Your applications");
				page.activate("a[href='/portal/applications/" + number + "']");
				page.at("Registration " + number);
				page.activate("#continue");
				page.at("Check your details");
				page.press("input[id$='-Field_ProfileConfirmed']", Keys.SPACE);
				page.activate("#next");
				page.at("Choose a dispensary");
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("cluster-portal-failure");
				throw ex;
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst t join act_hi_procinst p"
				+ " on p.proc_inst_id_ = t.proc_inst_id_ where p.business_key_ = ? and t.task_def_key_ = ?"
				+ " and t.end_time_ is not null", Long.class, number, "Task_ConfirmProfile"))
			.as("the step done in the browser").isOne();
	}

	/**
	 * Opens the case and asks for the residency document's page image until a node other than the one it was
	 * uploaded through answers (round robin: within a few requests); every answer must be the page.
	 */
	private void previewOnAnotherNode(Http reviewer, String number, String uploadedThrough) throws IOException {
		JsonNode facts = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> track(reviewer.get(WORKSPACE + "/cases/" + number, null, null)),
					answer -> answer.status() == 200 && answer.body().path("documents").size() == 2)
			.body();
		long lease = facts.path("documents").get(1).path("id").asLong();
		String page = WORKSPACE + "/cases/" + number + "/documents/" + lease + "/pages/1";
		for (int i = 0; i < 2 * NODES; i++) {
			Http.Bytes image = reviewer.bytes(page);
			String node = image.header(NODE_HEADER);
			served.add(node);
			assertThat(image.status()).as("page image from " + node).isEqualTo(200);
			assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).as("a page image from " + node)
				.isNotNull();
			if (!node.equals(uploadedThrough)) {
				return;
			}
		}
		throw new AssertionError("no page image from a node other than " + uploadedThrough + ": " + served);
	}

	private String currentStep(Http patient, String number) {
		JsonNode step = track(patient.get("/api/applications/" + number, null, null)).expect(200).body()
			.get("currentStep");
		return step == null || step.isNull() ? "none" : step.get("step").asText();
	}

	private String status(Http patient, String number) {
		return track(patient.get("/api/applications/" + number, null, null)).expect(200).body().get("status").asText();
	}

	/** The review task of the case in the reviewer's workspace, or null while there is none. */
	private String reviewTask(Http reviewer, String number) {
		Http.Response facts = track(reviewer.get(WORKSPACE + "/cases/" + number, null, null));
		if (facts.status() != 200) {
			return null;
		}
		for (JsonNode task : facts.body().path("tasks")) {
			if (task.path("taskKind").asText().equals("review")) {
				return task.path("taskId").asText();
			}
		}
		return null;
	}

	private Http.Response track(Http.Response response) {
		served.add(node(response));
		return response;
	}

	private static String node(Http.Response response) {
		return response.headers().firstValue(NODE_HEADER).orElse("none");
	}

	/**
	 * Debian's HAProxy on the repository's tools/cluster/haproxy.cfg: the same file, with the test's port in its
	 * {@code bind} line and this test's nodes for the compose file's {@code server} lines.
	 */
	private static Process startBalancer(Path files) throws IOException {
		List<String> config = Balancer.config(balancerPort(), nodes.stream().map(NodeProcess::port).toList());
		assertThat(config).as("the compose file's balancer: round robin, health checks, forwarded addresses")
			.contains("    balance roundrobin", "    option httpchk GET /actuator/health", "    option forwardfor");
		assertThat(config).as("no sticky sessions").filteredOn(line -> !line.trim().startsWith("#"))
			.noneMatch(line -> line.contains("cookie") || line.contains("stick") || line.contains("prefer-last-server"));
		assertThat(config).filteredOn(line -> line.trim().startsWith("server ")).hasSize(NODES);
		return Balancer.start(config, files, Path.of("target", "cluster-it-haproxy.log"));
	}

	/**
	 * The nodes' object store: s3proxy in this JVM (it is the store, not an app node) with signature V4 like AWS S3
	 * and MinIO, over jclouds' in-memory blob store; the bucket made as docker-compose.yml's one-shot mc makes it.
	 */
	private static String startObjectStore() throws Exception {
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(new Properties())
			.build(BlobStoreContext.class);
		store = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
			.build();
		store.start();
		String endpoint = "http://127.0.0.1:" + store.getPort();
		try (S3Client s3 = s3Client(endpoint)) {
			s3.createBucket(create -> create.bucket(BUCKET));
		}
		return endpoint;
	}

	private static S3Client s3Client() {
		return s3Client("http://127.0.0.1:" + store.getPort());
	}

	private static S3Client s3Client(String endpoint) {
		return S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_ACCESS_KEY, S3_SECRET_KEY)))
			.build();
	}

	private static synchronized int balancerPort() {
		if (balancerPort == 0) {
			balancerPort = NodeProcess.freePort();
		}
		return balancerPort;
	}

}
