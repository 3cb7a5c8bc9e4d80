package org.mmpcase.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mmpcase.shared.ConcurrentChanges;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.FormSchemaValidator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user tasks a patient, caregiver or provider works through the API. A step is completed with the values of
 * its form: checked against the deployed form, then by the step's own rules ({@link StepHandler}), then the task
 * completes with only those values, all in one transaction.
 */
@Service
public class StepService {

	private final TaskService taskService;

	private final FormService formService;

	private final FormSchemaValidator formValidator;

	private final Map<String, StepHandler> handlers;

	private final IdentityService identityService;

	private final ApplicationAccess access;

	StepService(TaskService taskService, FormService formService, FormSchemaValidator formValidator,
			List<StepHandler> handlers, IdentityService identityService,
			ApplicationAccess access) {
		this.identityService = identityService;
		this.access = access;
		this.taskService = taskService;
		this.formService = formService;
		this.formValidator = formValidator;
		this.handlers = handlers.stream().collect(Collectors.toMap(StepHandler::taskDefinitionKey, Function.identity()));
	}

	/** The caller's open task in this case, if it is waiting on them. */
	@Transactional(readOnly = true)
	public Optional<Task> currentTask(Application application, String username) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskAssignee(Person.normaliseEmail(username))
			.initializeFormKeys()
			.list()
			.stream()
			.findFirst();
	}

	/** Open tasks assigned to the caller (a provider's correction requests). */
	@Transactional(readOnly = true)
	public List<Task> tasksOf(String username) {
		return taskService.createTaskQuery()
			.taskAssignee(Person.normaliseEmail(username))
			.initializeFormKeys()
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

	/**
	 * The values the task's form shows, only those its fields name, so internal variables (a reviewer's notes, say)
	 * never reach the applicant: the case data from our tables ({@link CaseFormValues}), the rest (a decision, a
	 * question) from the process variables.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> formValues(Task task) {
		Set<String> keys = formValidator.fieldKeys(formService.getDeployedTaskForm(task.getId()));
		Set<String> asked = new java.util.HashSet<>(keys);
		asked.add(CaseVariables.APPLICATION_NUMBER);
		Map<String, Object> variables = taskService.getVariables(task.getId(), asked);
		Map<String, Object> values = new TreeMap<>();
		variables.forEach((name, value) -> {
			if (value != null && keys.contains(name)) {
				values.put(name, value);
			}
		});
		// the case's own data wins over a copy that an instance started before issue 14 may still carry
		access.find((String) variables.get(CaseVariables.APPLICATION_NUMBER))
			.ifPresent(application -> values.putAll(CaseFormValues.of(application, keys)));
		return values;
	}

	public Object variable(Task task, String name) {
		return taskService.getVariable(task.getId(), name);
	}

	@Transactional
	public void complete(Application application, Task task, String expectedStep, Map<String, Object> formData) {
		if (expectedStep != null && !expectedStep.equals(task.getTaskDefinitionKey())) {
			throw new ConflictException(
					"That step is no longer the current one (now: " + task.getName() + "). Reload the application.");
		}
		try {
			Map<String, Object> values = formValidator.validate(formService.getDeployedTaskForm(task.getId()),
					formData);
			StepHandler handler = handlers.get(task.getTaskDefinitionKey());
			// the handler's changes to the case commit with the task: work on the case as this transaction sees it
			Application managed = access.require(application.getApplicationNumber());
			Map<String, Object> variables = handler == null ? values : handler.complete(managed, values);
			taskService.complete(task.getId(), variables);
		}
		catch (RuntimeException ex) {
			// the engine fails in several ways on a task that vanished (not found, or a NullPointerException in its
			// authorization check): whatever it was, a task that is gone now was completed by someone else
			if (!(ex instanceof OptimisticLockingException) && taskGone(task)) {
				// completed by a request that committed after this one found the task (a second click, another node)
				throw new ConcurrentChanges.ConcurrentChangeException(
						"Step " + task.getTaskDefinitionKey() + " was completed meanwhile", ex);
			}
			throw ex;
		}
	}

	private boolean taskGone(Task task) {
		// asked without the caller's authorizations, so a task hidden from the caller does not count as gone
		var caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return taskService.createTaskQuery().taskId(task.getId()).count() == 0;
		}
		catch (RuntimeException queryFailed) {
			// the transaction cannot read any more (a database error): not a race this code can tell
			return false;
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

}
