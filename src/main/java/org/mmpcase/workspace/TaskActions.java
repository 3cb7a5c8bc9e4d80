package org.mmpcase.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mmpcase.review.ReviewDecision;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.FormSchemaValidator;
import org.mmpcase.shared.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * What staff do with a task from the workspace: read its form, claim, release, reassign, complete. Every change is
 * made by the engine as the signed-in user, so the engine checks that user's authorizations; a race with somebody
 * else (a claim, a decision meanwhile) is a 409 that says by whom, and nothing is saved.
 */
@Service
class TaskActions {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH)
		.withZone(ZoneId.of("America/New_York"));

	private final QueueQueries queue;

	private final TaskService tasks;

	private final FormService forms;

	private final HistoryService history;

	private final IdentityService identity;

	private final FormSchemaValidator validator;

	private final StaffDirectory directory;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	TaskActions(QueueQueries queue, TaskService tasks, FormService forms, HistoryService history,
			IdentityService identity, FormSchemaValidator validator, StaffDirectory directory,
			TransactionTemplate transaction, ObjectMapper json, Clock clock) {
		this.queue = queue;
		this.tasks = tasks;
		this.forms = forms;
		this.history = history;
		this.identity = identity;
		this.validator = validator;
		this.directory = directory;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	record TaskForm(String taskId, String formId, JsonNode schema, Map<String, Object> values) {
	}

	/**
	 * The deployed Camunda Form of the task, with the values of the fields it only shows and of the variables its
	 * texts name ({@code {{applicationNumber}}}); never those of the fields the user fills in, so an earlier round's
	 * decision is not offered again.
	 */
	TaskForm form(StaffUser user, String taskId) {
		staffTask(user, taskId);
		byte[] schema = schema(user, taskId);
		JsonNode node = read(schema);
		Set<String> shown = new TreeSet<>(validator.fieldKeys(new ByteArrayInputStream(schema)));
		shown.addAll(templateVariables(node));
		shown.removeAll(validator.editableKeys(new ByteArrayInputStream(schema)));
		Map<String, Object> values = shown.isEmpty() ? Map.of()
				: user.asUser(identity, () -> tasks.getVariables(taskId, shown));
		return new TaskForm(taskId, node.path("id").asText(null), node, values);
	}

	private static final java.util.regex.Pattern TEMPLATE = java.util.regex.Pattern
		.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

	private static Set<String> templateVariables(JsonNode node) {
		Set<String> names = new TreeSet<>();
		for (JsonNode component : node.path("components")) {
			java.util.regex.Matcher matcher = TEMPLATE.matcher(component.path("text").asText(""));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			names.addAll(templateVariables(component));
		}
		return names;
	}

	CaseTask claim(StaffUser user, String taskId) {
		staffTask(user, taskId);
		engine(user, taskId, () -> tasks.claim(taskId, user.id()));
		return current(user, taskId);
	}

	CaseTask release(StaffUser user, String taskId) {
		QueueQueries.Entry task = staffTask(user, taskId);
		if (task.assignee() == null || (!task.assignee().equals(user.id()) && !user.isSupervisor())) {
			throw new ConflictException(task.assignee() == null ? "This task is not assigned to anybody."
					: name(task.assignee()) + " has this task; only they or a supervisor can release it.");
		}
		engine(user, taskId, () -> tasks.setAssignee(taskId, null));
		return current(user, taskId);
	}

	CaseTask reassign(StaffUser user, String taskId, String assignee) {
		if (!user.isSupervisor()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only supervisors reassign reviews.");
		}
		staffTask(user, taskId);
		if (assignee == null || !directory.isReviewer(assignee)) {
			throw BadRequestException.field("assignee", "Choose a member of the " + StaffGroups.REVIEWERS + " or "
					+ StaffGroups.SUPERVISORS + " group.");
		}
		engine(user, taskId, () -> tasks.setAssignee(taskId, assignee));
		return current(user, taskId);
	}

	/**
	 * Checks the values as the form and the review's rules demand (400 at the field, nothing saved), then claims an
	 * unclaimed task and completes it, in one transaction, as the user.
	 */
	void complete(StaffUser user, String taskId, Map<String, Object> submitted) {
		QueueQueries.Entry task = queue.task(user, taskId).orElseThrow(() -> goneOrUnknown(taskId));
		if (task.kind() == TaskKind.WAITING) {
			throw notFound();
		}
		if (task.assignee() != null && !task.assignee().equals(user.id())) {
			throw new ConflictException(name(task.assignee()) + " claimed this task meanwhile; it is theirs to "
					+ "decide. Nothing was saved.");
		}
		Map<String, Object> values = validator.validate(new ByteArrayInputStream(schema(user, taskId)), submitted);
		if (task.kind() == TaskKind.REVIEW) {
			ReviewDecision.problem(values).ifPresent(problem -> {
				throw BadRequestException.field(problem.field(), problem.message());
			});
		}
		transaction.executeWithoutResult(status -> engine(user, taskId, () -> {
			if (task.assignee() == null) {
				tasks.claim(taskId, user.id());
			}
			tasks.complete(taskId, values);
		}));
	}

	private void engine(StaffUser user, String taskId, Runnable work) {
		try {
			user.asUser(identity, () -> {
				work.run();
				return null;
			});
		}
		catch (TaskAlreadyClaimedException ex) {
			throw new ConflictException(name(ex.getTaskAssignee()) + " claimed this task meanwhile. Nothing was saved.");
		}
		catch (NullValueException | NotFoundException ex) {
			throw goneOrUnknown(taskId);
		}
		catch (FormFieldValidationException ex) {
			throw BadRequestException.field(String.valueOf(ex.<Object>getDetail()), ex.getMessage());
		}
		catch (AuthorizationException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"The engine does not allow you to do this with this task.");
		}
	}

	private QueueQueries.Entry staffTask(StaffUser user, String taskId) {
		return queue.task(user, taskId)
			.filter(task -> task.kind() != TaskKind.WAITING)
			.orElseThrow(() -> goneOrUnknown(taskId));
	}

	private CaseTask current(StaffUser user, String taskId) {
		QueueQueries.Entry task = queue.task(user, taskId).orElseThrow(TaskActions::notFound);
		return CaseTask.of(task, user, directory.names(java.util.Collections.singleton(task.assignee())),
				clock.instant());
	}

	/** A task that was open and is done now is a conflict (who finished it, when); anything else is unknown. */
	private RuntimeException goneOrUnknown(String taskId) {
		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
		if (done == null) {
			return notFound();
		}
		String by = done.getAssignee() == null ? "somebody" : name(done.getAssignee());
		String when = done.getEndTime() == null ? "" : " on " + WHEN.format(done.getEndTime().toInstant());
		return new ConflictException("This task was already completed by " + by + when
				+ ". Nothing was saved; the queue shows what is left.");
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task in your queue.");
	}

	private String name(String userId) {
		return directory.names(java.util.Collections.singleton(userId)).getOrDefault(userId, userId);
	}

	private byte[] schema(StaffUser user, String taskId) {
		try (InputStream in = user.asUser(identity, () -> forms.getDeployedTaskForm(taskId))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode read(byte[] schema) {
		try {
			return json.readTree(schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
