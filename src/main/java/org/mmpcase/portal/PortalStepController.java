package org.mmpcase.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseFormValues;
import org.mmpcase.registration.Person;
import org.mmpcase.registration.StepService;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.shared.DeployedModels;
import org.mmpcase.shared.FormSchemaValidator;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the portal needs to render a step from the same Camunda Form the engine resolves for the caller's open task:
 * the deployed form (translated), the values it shows, and the caller's draft; the draft itself; and the answers of
 * the steps already done, for the review page before the attestations are signed.
 */
@RestController
@RequestMapping("/api/applications/{applicationNumber}")
class PortalStepController {

	/** The caller's unfinished entries of the open step, a task-local variable: gone when the task completes. */
	static final String DRAFT_VARIABLE = "portalDraft";

	private final ApplicationAccess access;

	private final StepService steps;

	private final FormService formService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	private final FormSchemaValidator formValidator;

	private final FormTranslations translations;

	private final PortalDraftProperties properties;

	private final ObjectMapper objectMapper;

	PortalStepController(ApplicationAccess access, StepService steps, FormService formService, TaskService taskService,
			HistoryService historyService, RepositoryService repositoryService, FormSchemaValidator formValidator,
			FormTranslations translations, PortalDraftProperties properties, ObjectMapper objectMapper) {
		this.access = access;
		this.steps = steps;
		this.formService = formService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.formValidator = formValidator;
		this.translations = translations;
		this.properties = properties;
		this.objectMapper = objectMapper;
	}

	record StepForm(String applicationNumber, String kind, String step, String name, String formId, JsonNode schema,
			Map<String, Object> values, Map<String, Object> draft) {
	}

	record Answer(String step, String name, String formId, JsonNode schema, Map<String, Object> values) {
	}

	@GetMapping("/current-step/form")
	@Transactional(readOnly = true)
	StepForm currentStepForm(@PathVariable String applicationNumber, Principal principal, Locale locale) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		Task task = openTask(application, principal.getName());
		JsonNode schema = read(formService.getDeployedTaskForm(task.getId()));
		return new StepForm(application.getApplicationNumber(), application.getKind().variableValue(),
				task.getTaskDefinitionKey(), task.getName(), schema.path("id").asText(null),
				translations.translate(schema, locale), steps.formValues(task), draftOf(task));
	}

	/**
	 * Keeps what the caller has entered so far in the open step (only that form's fields, never card data), for when
	 * they come back. Not validated: a draft may be incomplete.
	 */
	@PutMapping("/current-step/draft")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void saveDraft(@PathVariable String applicationNumber, @RequestParam(name = "step") String step,
			@RequestBody Map<String, Object> draft, Principal principal) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		Task task = openTask(application, principal.getName());
		if (!step.equals(task.getTaskDefinitionKey())) {
			throw new ConflictException(
					"That step is no longer the current one (now: " + task.getName() + "). Reload the application.");
		}
		Set<String> keys = formValidator.fieldKeys(formService.getDeployedTaskForm(task.getId()));
		Map<String, Object> kept = new TreeMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		draft.forEach((key, value) -> {
			if (!keys.contains(key)) {
				errors.put(key, "This field is not part of this step.");
			}
			else if (value != null && !properties.excludedFields().contains(key)) {
				kept.put(key, value);
			}
		});
		if (!errors.isEmpty()) {
			throw new BadRequestException("The draft has fields this step does not have.", errors);
		}
		String json = write(kept);
		if (json.length() > properties.maxChars()) {
			throw new BadRequestException("The draft is too long to keep (at most " + properties.maxChars()
					+ " characters); shorten your answers.", Map.of());
		}
		taskService.setVariableLocal(task.getId(), DRAFT_VARIABLE, json);
	}

	/**
	 * The steps the caller has completed in this case, each with its form (translated) and the values it has now,
	 * in the order they were done; a step done more than once (documents uploaded again) appears once. Card data is
	 * left out.
	 */
	@GetMapping("/answers")
	@Transactional(readOnly = true)
	List<Answer> answers(@PathVariable String applicationNumber, Principal principal, Locale locale) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		if (application.getProcessInstanceId() == null) {
			return List.of();
		}
		List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(application.getProcessInstanceId())
			.taskAssignee(Person.normaliseEmail(principal.getName()))
			.finished()
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
		Map<String, HistoricTaskInstance> byStep = new LinkedHashMap<>();
		for (HistoricTaskInstance task : done) {
			byStep.remove(task.getTaskDefinitionKey());
			byStep.put(task.getTaskDefinitionKey(), task);
		}
		Map<String, Object> variables = new TreeMap<>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(application.getProcessInstanceId())
			.list()) {
			if (variable.getTaskId() == null && variable.getValue() != null) {
				variables.put(variable.getName(), variable.getValue());
			}
		}
		List<Answer> answers = new ArrayList<>();
		for (HistoricTaskInstance task : byStep.values()) {
			String formKey = formKeyOf(task);
			JsonNode schema = formKey == null ? null : deployedForm(formKey);
			if (schema == null) {
				continue;
			}
			Map<String, Object> values = new TreeMap<>();
			Set<String> keys = formValidator.fieldKeys(
					new java.io.ByteArrayInputStream(write(schema).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			for (String key : keys) {
				if (variables.containsKey(key) && !properties.excludedFields().contains(key)) {
					values.put(key, variables.get(key));
				}
			}
			// the case data of the step (profile, choices, attestations) is in our tables, not in the history
			CaseFormValues.of(application, keys).forEach((key, value) -> {
				if (!properties.excludedFields().contains(key)) {
					values.put(key, value);
				}
			});
			answers.add(new Answer(task.getTaskDefinitionKey(), task.getName(), formKey,
					translations.translate(schema, locale), values));
		}
		return answers;
	}

	private Task openTask(Application application, String username) {
		return steps.currentTask(application, username)
			.orElseThrow(() -> new ConflictException(
					"Nothing is waiting on you in this application right now (status: " + application.getStatus()
							+ ")."));
	}

	private Map<String, Object> draftOf(Task task) {
		Object draft = taskService.getVariableLocal(task.getId(), DRAFT_VARIABLE);
		if (!(draft instanceof String json)) {
			return Map.of();
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> values = objectMapper.readValue(json, Map.class);
			return values;
		}
		catch (JsonProcessingException ex) {
			return Map.of();
		}
	}

	private String formKeyOf(HistoricTaskInstance task) {
		if (task.getProcessDefinitionId() == null) {
			return null;
		}
		var element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		return element instanceof UserTask userTask ? userTask.getCamundaFormRef() : null;
	}

	/** The latest deployed version of a form (the binding every user task uses), by its id. */
	private JsonNode deployedForm(String formKey) {
		List<Deployment> latest = repositoryService.createDeploymentQuery()
			.deploymentName(DeployedModels.DEPLOYMENT_NAME)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1);
		if (latest.isEmpty()) {
			return null;
		}
		String deploymentId = latest.get(0).getId();
		for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
			if (name.equals(formKey + ".form") || name.endsWith("/" + formKey + ".form")) {
				JsonNode schema = read(repositoryService.getResourceAsStream(deploymentId, name));
				if (formKey.equals(schema.path("id").asText())) {
					return schema;
				}
			}
		}
		return null;
	}

	private JsonNode read(InputStream in) {
		try (in) {
			return objectMapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String write(Object value) {
		try {
			return objectMapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
