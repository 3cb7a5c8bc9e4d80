package org.mmpcase.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a reviewer's decision when a review task is completed over HTTP (the engine REST API, and the webapps' API
 * that Tasklist uses), so an incomplete decision gets a 400 with the reason instead of the engine's 500 for an
 * exception in a task listener. The listener stays as the check for every other way in.
 */
class ReviewDecisionGuard extends OncePerRequestFilter {

	private static final Pattern COMPLETE = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

	private final TaskService taskService;

	private final ObjectMapper objectMapper;

	ReviewDecisionGuard(TaskService taskService, ObjectMapper objectMapper) {
		this.taskService = taskService;
		this.objectMapper = objectMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !COMPLETE.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = COMPLETE.matcher(request.getRequestURI());
		matcher.matches();
		Task task = taskService.createTaskQuery().taskId(matcher.group(1)).singleResult();
		if (task == null || !ApplicationReviewProcess.TASK_REVIEW_APPLICATION.equals(task.getTaskDefinitionKey())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		Map<String, Object> variables = new HashMap<>(taskService.getVariables(task.getId()));
		variables.putAll(submitted(body));
		var problem = ReviewDecision.problem(variables);
		if (problem.isPresent()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			objectMapper.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message",
					problem.get().message(), "field", problem.get().field()));
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private Map<String, Object> submitted(byte[] body) {
		Map<String, Object> values = new HashMap<>();
		if (body.length == 0) {
			return values;
		}
		try {
			JsonNode variables = objectMapper.readTree(body).path("variables");
			for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				JsonNode value = field.getValue().path("value");
				values.put(field.getKey(), value.isNull() || value.isMissingNode() ? null
						: value.isTextual() ? value.asText() : value.toString());
			}
		}
		catch (IOException ex) {
			// not JSON: the engine answers that itself
		}
		return values;
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
		}

	}

}
