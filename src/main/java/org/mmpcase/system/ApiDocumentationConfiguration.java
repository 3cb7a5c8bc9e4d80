package org.mmpcase.system;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.mmpcase.MmpCaseManagerApplication;
import org.mmpcase.account.PortalSessions;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The app's own HTTP API described for staff and integrators (springdoc-openapi): the whole OpenAPI document at
 * {@code /v3/api-docs}, one per audience at {@code /v3/api-docs/{group}}, Swagger UI at {@code /swagger-ui.html}.
 * The engine REST API ({@code /engine-rest}, Camunda publishes its own OpenAPI document) and the actuator are left
 * out. Each operation names the sign-in that really applies to it: the rules are those of
 * {@link SecurityConfiguration}, {@code workspace/WorkspaceSecurityConfiguration} and {@link StaffAuthentication}
 * ({@code ApiDocumentationIT} checks every operation against them).
 * <p>
 * The documents describe the API and hold no data, so anybody may read them (GET only), under a content security
 * policy of their own: Swagger UI loads only its own scripts and styles and talks only to this server.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

	static final String PORTAL_SESSION = "portalSession";

	static final String PORTAL_CSRF = "portalCsrf";

	static final String API_CLIENT = "apiClientBasic";

	static final String STAFF_SESSION = "staffSession";

	static final String STAFF_CSRF = "staffCsrf";

	static final String STAFF_BASIC = "staffBasic";

	/**
	 * As strict as the front-end's pages: Swagger UI loads its own scripts and styles and talks only to this server.
	 * (Its bundle adds a style element when it starts, hence 'unsafe-inline' for styles only.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String TITLE = "MMP Case Manager API";

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	/** Who is signed in, sign in, sign out. */
	private static final Set<HttpMethod> SESSION = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE);

	/** One part of the API: a group (a document, an entry in Swagger UI), its paths and the sign-in per operation. */
	record Area(String group, String displayName, String prefix, String description,
			BiFunction<HttpMethod, String, List<SecurityRequirement>> security) {

		boolean contains(String path) {
			return path.equals(prefix) || path.startsWith(prefix + "/");
		}

	}

	static final Area PORTAL = new Area("portal", "Patients, caregivers and providers (/api)", "/api",
			"The patient portal's API (session cookie and CSRF header), and HTTP Basic for API clients, with the "
					+ "app's accounts. `/api/provider/**` needs a provider account; anybody else sees only their own "
					+ "applications (somebody else's is 404).",
			ApiDocumentationConfiguration::portalSecurity);

	static final Area WORKSPACE = new Area("reviewer-workspace", "Reviewer workspace (/review/api)", "/review/api",
			"The reviewer workspace's API, for DCP staff signed in with their Camunda user (who needs access to "
					+ "Tasklist); described in docs/reviewer-workspace.md.",
			ApiDocumentationConfiguration::workspaceSecurity);

	static final Area VERIFICATION = new Area("verification", "Verification for dispensaries (/verify/api)",
			"/verify/api",
			"Public: the status of a registration number, and for a known number the holder's name, role and expiry "
					+ "date. 5 unknown numbers within 5 minutes lock a client out for 5 minutes (429, Retry-After).",
			(method, path) -> List.of());

	static final Area STAFF = new Area("staff", "Staff operations (/staff)", "/staff",
			"For process owners and administrators: HTTP Basic with a Camunda user on every call; the work runs as "
					+ "that user, under Camunda's authorizations.",
			(method, path) -> List.of(requirement(STAFF_BASIC)));

	static final List<Area> AREAS = List.of(PORTAL, WORKSPACE, VERIFICATION, STAFF);

	@Bean
	GroupedOpenApi portalApiDocumentation() {
		return group(PORTAL);
	}

	@Bean
	GroupedOpenApi workspaceApiDocumentation() {
		return group(WORKSPACE);
	}

	@Bean
	GroupedOpenApi verificationApiDocumentation() {
		return group(VERIFICATION);
	}

	@Bean
	GroupedOpenApi staffApiDocumentation() {
		return group(STAFF);
	}

	/** {@code /v3/api-docs}: every area, nothing else (not the verification page for people, for one). */
	@Bean
	OpenApiCustomizer appApiDocumentation() {
		return openApi -> describe(openApi, Optional.empty());
	}

	@Bean
	OpenAPI apiDescription() {
		return new OpenAPI().info(new Info().title(TITLE)
			.version(Optional.ofNullable(MmpCaseManagerApplication.class.getPackage().getImplementationVersion())
				.orElse("development"))
			.description("""
					The HTTP API of the Connecticut Medical Marijuana Program's case manager, in four parts (the \
					groups of this document): patients, caregivers and providers (`/api`), the reviewer workspace \
					(`/review/api`), certificate verification for dispensaries (`/verify/api`) and staff \
					operations (`/staff`). Each operation names the sign-in it needs. Errors are JSON: \
					`{"status", "error", "message", "fieldErrors"}`. Camunda's engine REST API (`/engine-rest`) \
					has its own OpenAPI document."""))
			.components(new Components()
				.addSecuritySchemes(PORTAL_SESSION, cookie("JSESSIONID",
						"The portal's session: `POST /api/session {\"email\", \"password\"}` signs in and sets it. "
								+ "Every change also needs the CSRF header (portalCsrf)."))
				.addSecuritySchemes(PORTAL_CSRF, header(PortalSessions.CSRF_HEADER,
						"The value of the cookie `" + PortalSessions.CSRF_COOKIE + "` (set by any `GET /api/session`), "
								+ "on every POST, PUT, PATCH and DELETE of a request without an Authorization "
								+ "header."))
				.addSecuritySchemes(API_CLIENT, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("API clients: the app account's e-mail address and password on every call; "
							+ "stateless, no cookie, no CSRF token. Wrong passwords are throttled (429)."))
				.addSecuritySchemes(STAFF_SESSION, cookie("JSESSIONID",
						"The staff session, shared with the Camunda webapps: `POST /review/api/session "
								+ "{\"username\", \"password\"}` with a Camunda user, or a Tasklist sign-in. Every "
								+ "change also needs the CSRF header (staffCsrf)."))
				.addSecuritySchemes(STAFF_CSRF, header("X-MMP-STAFF-XSRF",
						"The value of the cookie `MMP-STAFF-XSRF` (set by any `GET /review/api/session`), on every "
								+ "POST, PUT and DELETE."))
				.addSecuritySchemes(STAFF_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A Camunda user (process owner or administrator) on every call.")));
	}

	/**
	 * The documents and Swagger UI, public and read-only. No other chain matches these paths: this one adds the
	 * content security policy and the other headers the front-end's pages get.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain apiDocumentationSecurity(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**"),
				paths.matcher("/v3/api-docs.yaml"), paths.matcher("/v3/api-docs.yaml/**"),
				paths.matcher("/swagger-ui.html"), paths.matcher("/swagger-ui/**"),
				paths.matcher("/webjars/swagger-ui/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths.matcher(org.springframework.http.HttpMethod.GET, "/**"),
						paths.matcher(org.springframework.http.HttpMethod.HEAD, "/**"))
				.permitAll()
				.anyRequest()
				.denyAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	private static GroupedOpenApi group(Area area) {
		return GroupedOpenApi.builder()
			.group(area.group())
			.displayName(area.displayName())
			.pathsToMatch(area.prefix() + "/**")
			.addOpenApiCustomizer(openApi -> describe(openApi, Optional.of(area)))
			.build();
	}

	/**
	 * Only the paths of the areas (of {@code only}, when given), each operation with the sign-in it needs; only the
	 * security schemes the operations name (Swagger UI offers each one in its Authorize dialog).
	 */
	static void describe(OpenAPI openApi, Optional<Area> only) {
		only.ifPresent(
				area -> openApi.getInfo().title(TITLE + ": " + area.displayName()).description(area.description()));
		Paths paths = openApi.getPaths() == null ? new Paths() : openApi.getPaths();
		paths.entrySet()
			.removeIf(path -> area(path.getKey()).filter(area -> only.isEmpty() || only.get().equals(area)).isEmpty());
		Set<String> named = new HashSet<>();
		paths.forEach((path, item) -> {
			Area area = area(path).orElseThrow();
			item.readOperationsMap().forEach((method, operation) -> {
				operation.setSecurity(area.security().apply(method, path));
				operation.getSecurity().forEach(requirement -> named.addAll(requirement.keySet()));
			});
		});
		Components components = openApi.getComponents();
		if (components.getSecuritySchemes() != null) {
			components.getSecuritySchemes().keySet().retainAll(named);
		}
		if (named.isEmpty()) {
			// no Authorize button for a part that needs no sign-in
			components.setSecuritySchemes(null);
		}
	}

	/** As {@code SecurityConfiguration.rules}: the session calls and the account calls are open. */
	private static List<SecurityRequirement> portalSecurity(HttpMethod method, String path) {
		boolean open = path.startsWith("/api/accounts/") || path.equals("/api/session") && SESSION.contains(method);
		if (SAFE.contains(method)) {
			return open ? List.of() : List.of(requirement(PORTAL_SESSION), requirement(API_CLIENT));
		}
		return open ? List.of(requirement(PORTAL_CSRF))
				: List.of(requirement(PORTAL_SESSION, PORTAL_CSRF), requirement(API_CLIENT));
	}

	/** As {@code WorkspaceSecurityConfiguration}: only the session calls are open, every change needs the token. */
	private static List<SecurityRequirement> workspaceSecurity(HttpMethod method, String path) {
		boolean open = path.equals("/review/api/session") && SESSION.contains(method);
		if (SAFE.contains(method)) {
			return open ? List.of() : List.of(requirement(STAFF_SESSION));
		}
		return List.of(open ? requirement(STAFF_CSRF) : requirement(STAFF_SESSION, STAFF_CSRF));
	}

	private static Optional<Area> area(String path) {
		return AREAS.stream().filter(area -> area.contains(path)).findFirst();
	}

	private static SecurityRequirement requirement(String... schemes) {
		SecurityRequirement requirement = new SecurityRequirement();
		for (String scheme : schemes) {
			requirement.addList(scheme);
		}
		return requirement;
	}

	private static SecurityScheme cookie(String name, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE)
			.name(name)
			.description(description);
	}

	private static SecurityScheme header(String name, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(name)
			.description(description);
	}

}
