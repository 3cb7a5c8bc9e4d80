package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.Browser;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API documentation against the running application: every endpoint Spring MVC maps under the app's API paths
 * is in {@code /v3/api-docs} with its method, and in its group's document (read from the handler mappings, so a new
 * controller that is not documented fails here); nothing else is in them; the documents and Swagger UI answer
 * anybody, and Swagger UI works under its content security policy; and the sign-in each operation names is what the
 * security chains really ask for.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.job-execution.enabled=false")
class ApiDocumentationIT extends PostgresTest {

	/** The app's own APIs; not the engine REST API (Jersey, not Spring MVC) and not the actuator. */
	private static final List<String> API_PATHS = List.of("/api/", "/review/api/", "/verify/api/", "/staff/");

	/** A mapping that names no method answers them all; springdoc then lists each but TRACE. */
	private static final Set<RequestMethod> ANY_METHOD = EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE));

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
			"patch", "trace");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	FilterChainProxy securityFilterChains;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void everyMappedEndpoint_documentedWithItsMethod_andNothingElse() {
		Set<String> mapped = mappedEndpoints();
		assertThat(mapped).as("the handler mappings were read")
			.contains("GET /api/session", "GET /review/api/queue/{view}", "GET /verify/api/{number}",
					"POST /staff/migrations/{processKey}");

		JsonNode docs = http.get("/v3/api-docs", null, null).expect(200).body();

		assertThat(documented(docs)).as("/v3/api-docs").containsExactlyInAnyOrderElementsOf(mapped);
	}

	@Test
	void eachGroup_documentsItsPart() {
		Map<String, String> groups = Map.of("portal", "/api/", "reviewer-workspace", "/review/api/", "verification",
				"/verify/api/", "staff", "/staff/");
		Set<String> mapped = mappedEndpoints();

		JsonNode config = http.get("/v3/api-docs/swagger-config", null, null).expect(200).body();
		Set<String> listed = new TreeSet<>();
		config.get("urls").forEach(url -> listed.add(url.get("url").asText()));
		assertThat(listed).as("Swagger UI's documents")
			.containsExactlyInAnyOrderElementsOf(
					groups.keySet().stream().map(group -> "/v3/api-docs/" + group).toList());

		groups.forEach((group, prefix) -> {
			JsonNode docs = http.get("/v3/api-docs/" + group, null, null).expect(200).body();
			assertThat(documented(docs)).as(group)
				.containsExactlyInAnyOrderElementsOf(
						mapped.stream().filter(endpoint -> endpoint.split(" ")[1].startsWith(prefix)).toList());
		});
	}

	@Test
	void documentsAndSwaggerUi_anonymous() {
		Http.Response docs = http.get("/v3/api-docs", null, null).expect(200);
		assertThat(docs.body().at("/info/title").asText()).isEqualTo("MMP Case Manager API");
		assertThat(docs.body().at("/components/securitySchemes").size()).isEqualTo(6);
		assertThat(docs.headers().firstValue("Set-Cookie")).as("no session for a reader").isEmpty();
		assertThat(http.get("/v3/api-docs/verification", null, null).body().at("/components/securitySchemes"))
			.as("nothing to sign in with for verification")
			.isEmpty();

		Http.Response entry = http.get("/swagger-ui.html", null, null);
		assertThat(entry.status()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/swagger-ui/index.html"));

		Http.Response page = http.get("/swagger-ui/index.html", null, null).expect(200);
		assertThat(page.raw()).contains("swagger-ui-bundle.js", "swagger-initializer.js");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(ApiDocumentationConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		for (String file : new String[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
				"swagger-initializer.js", "swagger-ui.css", "index.css" }) {
			assertThat(http.bytes("/swagger-ui/" + file).status()).as(file).isEqualTo(200);
		}
		assertThat(http.get("/swagger-ui/swagger-initializer.js", null, null).raw()).as("our documents")
			.contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");

		assertThat(http.exchange("POST", "/v3/api-docs", "{}", Map.of()).status()).as("read-only").isEqualTo(403);
	}

	/**
	 * Each documented operation against the security chains that really guard it, asked for an anonymous browser's
	 * request: an operation that names a sign-in (a session cookie or HTTP Basic) is refused, any other is let through.
	 * A path no chain guards (verification, the staff calls) is asked over HTTP: the staff controllers refuse an
	 * anonymous caller (401) before doing anything.
	 */
	@Test
	void documentedSignIn_isWhatTheSecurityChainsDecide() {
		JsonNode docs = http.get("/v3/api-docs", null, null).expect(200).body();
		Set<String> signInSchemes = new TreeSet<>();
		docs.at("/components/securitySchemes").fields().forEachRemaining(scheme -> {
			if (scheme.getValue().path("type").asText().equals("http")
					|| scheme.getValue().path("in").asText().equals("cookie")) {
				signInSchemes.add(scheme.getKey());
			}
		});
		assertThat(signInSchemes).hasSize(4);

		Set<String> open = new TreeSet<>();
		docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
			if (!HTTP_METHODS.contains(operation.getKey())) {
				return;
			}
			String method = operation.getKey().toUpperCase();
			String endpoint = method + " " + path.getKey();
			boolean signInNamed = false;
			for (JsonNode requirement : operation.getValue().path("security")) {
				signInNamed |= requirement.properties().stream().anyMatch(r -> signInSchemes.contains(r.getKey()));
			}
			String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
			Optional<Boolean> granted = anonymousGranted(method, concrete);
			if (granted.isPresent()) {
				assertThat(granted.get()).as(endpoint + " open to an anonymous request").isEqualTo(!signInNamed);
			}
			else {
				int status = http.exchange(method, concrete, method.equals("GET") ? null : "{}", Map.of()).status();
				assertThat(status == 401).as(endpoint + " anonymously: " + status).isEqualTo(signInNamed);
			}
			if (!signInNamed) {
				open.add(endpoint);
			}
		}));
		assertThat(open).as("what needs no sign-in")
			.allMatch(endpoint -> endpoint.startsWith("GET /verify/api/") || endpoint.contains(" /api/accounts/")
					|| endpoint.endsWith(" /api/session") || endpoint.endsWith(" /review/api/session"));
	}

	/**
	 * Swagger UI in headless Chromium with every group's operations open, an operation tried out and the Authorize
	 * dialog: the content security policy refuses nothing it needs. (A script from a data: URL, refused on purpose,
	 * proves that a refusal would be seen.)
	 */
	@Test
	void swaggerUi_inChromium_nothingRefusedByTheContentSecurityPolicy() {
		JsonNode config = http.get("/v3/api-docs/swagger-config", null, null).expect(200).body();
		try (Browser browser = new Browser()) {
			ChromeDriver driver = browser.driver();
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
					window.refused = [];
					document.addEventListener('securitypolicyviolation',
						event => window.refused.push(event.violatedDirective + ' ' + event.blockedURI));"""));
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
			for (JsonNode group : config.get("urls")) {
				String name = group.get("name").asText();
				int operations = documented(http.get(group.get("url").asText(), null, null).body()).size();
				browser.open("http://localhost:" + port + "/swagger-ui/index.html?urls.primaryName="
						+ URLEncoder.encode(name, StandardCharsets.UTF_8));
				wait.until(page -> page.findElements(By.cssSelector(".opblock")).size() == operations
						&& page.findElement(By.cssSelector(".info .title")).getText().contains(name));
				driver.executeScript("document.querySelectorAll('.opblock-summary-control').forEach(b => b.click())");
				wait.until(page -> page.findElements(By.cssSelector(".opblock.is-open")).size() == operations);
				if (!driver.findElements(By.cssSelector(".auth-wrapper .authorize")).isEmpty()) {
					driver.executeScript("document.querySelector('.auth-wrapper .authorize').click()");
					browser.visible(By.cssSelector(".auth-container"));
					driver.executeScript("document.querySelector('.modal-ux .close-modal').click()");
					wait.until(page -> page.findElements(By.cssSelector(".modal-ux")).isEmpty());
				}
				assertThat(driver.executeScript("return window.refused")).as(name).asList().isEmpty();
			}

			// the look-up tried out: the page fetches it from this server
			browser.open("http://localhost:" + port + "/swagger-ui/index.html?urls.primaryName=" + URLEncoder
				.encode(ApiDocumentationConfiguration.VERIFICATION.displayName(), StandardCharsets.UTF_8));
			browser.click(By.cssSelector(".opblock-summary-control"));
			browser.click(By.cssSelector(".try-out__btn"));
			// the field tells the page its value when it loses the focus
			browser.visible(By.cssSelector(".parameters input")).sendKeys("MMP-0000-0000", Keys.TAB);
			browser.click(By.cssSelector(".btn.execute"));
			assertThat(browser.visible(By.cssSelector(".live-responses-table .response .response-col_status"))
				.getText()).isEqualTo("200");
			browser.screenshot("swagger-ui");
			assertThat(driver.executeScript("return window.refused")).asList().isEmpty();

			driver.executeScript("const s = document.createElement('script'); s.src = 'data:text/javascript,1';"
					+ " document.head.appendChild(s);");
			wait.until(page -> !((List<?>) driver.executeScript("return window.refused")).isEmpty());
		}
	}

	/** The first chain that takes the request decides; empty when none does (no Spring Security there). */
	private Optional<Boolean> anonymousGranted(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		Authentication anonymous = new AnonymousAuthenticationToken("test", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		return securityFilterChains.getFilterChains()
			.stream()
			.filter(chain -> chain.matches(request))
			.findFirst()
			.map(chain -> chain.getFilters()
				.stream()
				.filter(AuthorizationFilter.class::isInstance)
				.map(AuthorizationFilter.class::cast)
				.findFirst()
				.orElseThrow(() -> new AssertionError("a chain without authorization rules takes " + path))
				.getAuthorizationManager()
				.authorize(() -> anonymous, request)
				.isGranted());
	}

	/** "GET /api/applications/{applicationNumber}" for every method of every mapping under the API paths. */
	private Set<String> mappedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> add(info, endpoints)));
		return endpoints;
	}

	private static void add(RequestMappingInfo info, Set<String> endpoints) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (String pattern : info.getPatternValues()) {
			// a path variable's pattern ({id:\d+}) is not part of the documented path
			String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
			if (API_PATHS.stream().anyMatch(path::startsWith)) {
				(methods.isEmpty() ? ANY_METHOD : methods).forEach(method -> endpoints.add(method + " " + path));
			}
		}
	}

	private static Set<String> documented(JsonNode docs) {
		Set<String> endpoints = new TreeSet<>();
		docs.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(field -> {
			if (HTTP_METHODS.contains(field)) {
				endpoints.add(field.toUpperCase() + " " + path.getKey());
			}
		}));
		return endpoints;
	}

}
