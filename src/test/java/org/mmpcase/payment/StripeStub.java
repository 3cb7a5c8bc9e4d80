package org.mmpcase.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server (127.0.0.1 only) that answers the two Stripe calls the gateway makes as Stripe does:
 * {@code POST /v1/payment_methods} and {@code POST /v1/payment_intents} with {@code confirm=true}. Card numbers choose
 * the outcome like Stripe's test cards: ...4242 succeeds, ...0002 is declined (402 card_declined), ...9995 has
 * insufficient funds, ...0119 charges but answers only after the client gave up (a timeout) the first time. The same
 * Idempotency-Key replays the first answer (a different request under it is an idempotency_error).
 */
public final class StripeStub {

	public record Request(String idempotencyKey, String paymentMethod, boolean replayed) {
	}

	private final HttpServer server;

	private final long slowAnswerMillis;

	private final Map<String, String[]> answers = new HashMap<>();

	private final Map<String, String> requestBodies = new HashMap<>();

	private final Set<String> slowedOnce = new HashSet<>();

	private final List<Request> paymentIntentRequests = Collections.synchronizedList(new ArrayList<>());

	private final List<String> charges = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger ids = new AtomicInteger();

	public StripeStub(long slowAnswerMillis) {
		this.slowAnswerMillis = slowAnswerMillis;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/v1/payment_methods", this::paymentMethod);
		server.createContext("/v1/payment_intents", this::paymentIntent);
		server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Successful charges made, one per PaymentIntent that succeeded. */
	public List<String> charges() {
		return List.copyOf(charges);
	}

	public List<Request> paymentIntentRequests() {
		return List.copyOf(paymentIntentRequests);
	}

	void reset() {
		synchronized (answers) {
			answers.clear();
			requestBodies.clear();
			slowedOnce.clear();
		}
		paymentIntentRequests.clear();
		charges.clear();
	}

	public void stop() {
		server.stop(0);
	}

	private void paymentMethod(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange);
		String number = form.getOrDefault("card[number]", "");
		String last4 = number.substring(Math.max(0, number.length() - 4));
		String id = "pm_" + ids.incrementAndGet() + "_" + last4;
		respond(exchange, 200, """
				{"id": "%s", "object": "payment_method", "type": "card",
				 "card": {"brand": "visa", "last4": "%s", "exp_month": %s, "exp_year": %s}}"""
			.formatted(id, last4, form.getOrDefault("card[exp_month]", "1"), form.getOrDefault("card[exp_year]", "2030")));
	}

	private void paymentIntent(HttpExchange exchange) throws IOException {
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> form = parse(body);
		String paymentMethod = form.get("payment_method");
		String[] answer;
		boolean replayed;
		boolean slow = false;
		synchronized (answers) {
			replayed = key != null && answers.containsKey(key);
			if (replayed && !body.equals(requestBodies.get(key))) {
				answer = new String[] { "400", """
						{"error": {"type": "idempotency_error", "message": "Keys for idempotent requests can only be used with the same parameters they were first used with."}}""" };
			}
			else if (replayed) {
				answer = answers.get(key);
			}
			else {
				answer = decide(form);
				if (key != null) {
					answers.put(key, answer);
					requestBodies.put(key, body);
				}
				slow = paymentMethod != null && paymentMethod.endsWith("_0119") && slowedOnce.add(key);
			}
		}
		paymentIntentRequests.add(new Request(key, paymentMethod, replayed));
		if (slow) {
			sleep(slowAnswerMillis);
		}
		respond(exchange, Integer.parseInt(answer[0]), answer[1]);
	}

	private String[] decide(Map<String, String> form) {
		String id = "pi_" + ids.incrementAndGet();
		String paymentMethod = form.getOrDefault("payment_method", "");
		if (paymentMethod.endsWith("_0002") || paymentMethod.endsWith("_9995")) {
			String declineCode = paymentMethod.endsWith("_9995") ? "insufficient_funds" : "generic_decline";
			return new String[] { "402", """
					{"error": {"type": "card_error", "code": "card_declined", "decline_code": "%s",
					 "message": "Your card was declined.",
					 "payment_intent": {"id": "%s", "object": "payment_intent", "amount": %s, "currency": "%s",
					  "status": "requires_payment_method",
					  "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "%s"}}}}"""
				.formatted(declineCode, id, form.get("amount"), form.get("currency"), declineCode) };
		}
		charges.add(id);
		return new String[] { "200", """
				{"id": "%s", "object": "payment_intent", "amount": %s, "currency": "%s", "status": "succeeded",
				 "payment_method": "%s"}""".formatted(id, form.get("amount"), form.get("currency"), paymentMethod) };
	}

	private static Map<String, String> form(HttpExchange exchange) throws IOException {
		return parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static Map<String, String> parse(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_stub");
		try {
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// the client gave up waiting (the timeout case): the charge stands, as at Stripe
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
