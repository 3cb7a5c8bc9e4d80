package org.mmpcase.support;

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
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the end-to-end tests: JSON in, status and JSON out, Basic credentials per call. It keeps
 * cookies like a browser, and a change without credentials carries the portal's CSRF token (fetched once from
 * {@code GET /api/session}), as the portal's pages send it.
 */
public final class Http {

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private final CookieManager cookies;

	private final HttpClient client;

	private final String baseUrl;

	public Http(int port) {
		this("http://localhost:" + port, new CookieManager());
	}

	private Http(String baseUrl, CookieManager cookies) {
		this.baseUrl = baseUrl;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	/**
	 * The same browser (these cookies, shared from now on) sending its requests to another node, as a load balancer
	 * without sticky sessions does.
	 */
	public Http atPort(int port) {
		return new Http("http://localhost:" + port, cookies);
	}

	public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

		public Response expect(int expected) {
			if (status != expected) {
				throw new AssertionError("expected HTTP " + expected + " but was " + status + ": " + raw);
			}
			return this;
		}

	}

	public Response get(String path, String user, String password) {
		return send(request(path, user, password).GET().build());
	}

	public Response post(String path, Object body, String user, String password) {
		return send(change(path, user, password).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(body)))
			.build());
	}

	public Response put(String path, Object body, String user, String password) {
		return send(change(path, user, password).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(write(body)))
			.build());
	}

	/** A multipart upload with one file part named {@code file} and plain fields. */
	public Response upload(String path, Map<String, String> fields, String filename, byte[] content, String user,
			String password) {
		String boundary = "----mmp" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(change(path, user, password).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
		if (user != null) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	private HttpRequest.Builder change(String path, String user, String password) {
		HttpRequest.Builder builder = request(path, user, password);
		if (user == null && path.startsWith("/api/")) {
			builder.header("X-MMP-XSRF-TOKEN", csrfToken());
		}
		else if (user == null && path.startsWith("/review/api/")) {
			builder.header("X-MMP-STAFF-XSRF", staffCsrfToken());
		}
		return builder;
	}

	/**
	 * A request exactly as given: this client's cookies, the headers given and nothing else (no credentials, no
	 * CSRF token unless given).
	 */
	public Response exchange(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
		headers.forEach(builder::header);
		if (body != null && !headers.containsKey("Content-Type")) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(write(body))).build());
	}

	/** The portal's CSRF token of this client's cookie, asked for when there is none yet. */
	public String csrfToken() {
		return cookie("MMP-XSRF-TOKEN").orElseGet(() -> {
			send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/session")).GET().build());
			return cookie("MMP-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no MMP-XSRF-TOKEN cookie"));
		});
	}

	/** The reviewer workspace's CSRF token of this client's cookie, asked for when there is none yet. */
	public String staffCsrfToken() {
		return cookie("MMP-STAFF-XSRF").orElseGet(() -> {
			send(HttpRequest.newBuilder(URI.create(baseUrl + "/review/api/session")).GET().build());
			return cookie("MMP-STAFF-XSRF").orElseThrow(() -> new AssertionError("no MMP-STAFF-XSRF cookie"));
		});
	}

	public record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

	}

	/** A GET whose answer is binary (an image, a file), with this client's cookies. */
	public Bytes bytes(String path) {
		try {
			HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.get(URI.create(baseUrl + "/"))
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode body = raw == null || raw.isBlank() ? null : tryParse(raw);
			return new Response(response.statusCode(), body, raw, response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode tryParse(String raw) {
		try {
			return JSON.readTree(raw);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String write(Object body) {
		try {
			return body instanceof String text ? text : JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
