package org.mmpcase.registration;

import java.security.Principal;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mmpcase.shared.ConcurrentChanges;
import org.mmpcase.shared.ConflictException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's side of a case: see it, and complete the step that waits on them. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

	private final ApplicationAccess access;

	private final ApplicationRepository applications;

	private final PersonRepository persons;

	private final StepService steps;

	private final TaskService taskService;

	private final ConcurrentChanges concurrentChanges;

	ApplicationController(ApplicationAccess access, ApplicationRepository applications, PersonRepository persons,
			StepService steps, TaskService taskService, ConcurrentChanges concurrentChanges) {
		this.concurrentChanges = concurrentChanges;
		this.access = access;
		this.applications = applications;
		this.persons = persons;
		this.steps = steps;
		this.taskService = taskService;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<ApplicationView> mine(Principal principal) {
		return persons.findByEmail(Person.normaliseEmail(principal.getName()))
			.map(person -> applications.findByApplicantOrderByCreatedAtDesc(person)
				.stream()
				.map(application -> view(application, principal.getName()))
				.toList())
			.orElse(List.of());
	}

	@GetMapping("/{applicationNumber}")
	@Transactional(readOnly = true)
	ApplicationView one(@PathVariable String applicationNumber, Principal principal) {
		return view(access.requireOwned(applicationNumber, principal.getName()), principal.getName());
	}

	/**
	 * Completes the current step with its form's values. {@code step} (optional) names the step the caller saw, so a
	 * double submit does not complete the next step by accident.
	 */
	@PostMapping("/{applicationNumber}/current-step")
	ApplicationView completeStep(@PathVariable String applicationNumber,
			@RequestParam(name = "step", required = false) String step, @RequestBody Map<String, Object> formData,
			Principal principal) {
		// a race with another request or a job on the same case is run again on the winner's state (see
		// ConcurrentChanges): the caller gets the outcome, or a 409 saying the step is done, never a 500
		return concurrentChanges.retrying("Step of application " + applicationNumber, () -> {
			Application application = access.requireOwned(applicationNumber, principal.getName());
			Task task = steps.currentTask(application, principal.getName())
				.orElseThrow(() -> new ConflictException(
						"Nothing is waiting on you in this application right now (status: " + application.getStatus()
								+ ")."));
			steps.complete(application, task, step, formData);
			return view(application, principal.getName());
		});
	}

	private ApplicationView view(Application application, String username) {
		ApplicationView.Step step = steps.currentTask(application, username)
			.map(task -> new ApplicationView.Step(task.getTaskDefinitionKey(), task.getName(),
					task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey(), steps.formValues(task)))
			.orElse(null);
		Date due = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskDefinitionKey(InitialRegistrationProcess.REVIEW_TASK)
			.list()
			.stream()
			.map(Task::getDueDate)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new ApplicationView(application.getApplicationNumber(), application.getKind().variableValue(),
				application.getApplicantRole().variableValue(), application.getStatus(), application.getSubmittedAt(),
				due == null ? null : due.toInstant(), application.getDenialReason(), step);
	}

}
