package org.mmpcase.registration;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.task.Task;
import org.mmpcase.shared.ConcurrentChanges;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Providers certify patients and answer their correction requests. */
@RestController
@RequestMapping("/api/provider")
class ProviderController {

	private final CertificationService certifications;

	private final StepService steps;

	private final ApplicationAccess access;

	private final ConcurrentChanges concurrentChanges;

	ProviderController(CertificationService certifications, StepService steps, ApplicationAccess access,
			ConcurrentChanges concurrentChanges) {
		this.concurrentChanges = concurrentChanges;
		this.certifications = certifications;
		this.steps = steps;
		this.access = access;
	}

	/** Certifies a patient: starts their initial registration and e-mails them an invitation. */
	@PostMapping("/certifications")
	ResponseEntity<Map<String, String>> certify(@Valid @RequestBody CertificationRequest request,
			Principal principal) {
		Application application = certifications.certify(principal.getName(), request);
		return ResponseEntity.created(URI.create("/api/applications/" + application.getApplicationNumber()))
			.body(Map.of("applicationNumber", application.getApplicationNumber(), "status",
					application.getStatus().name()));
	}

	@GetMapping("/tasks")
	List<ProviderTask> tasks(Principal principal) {
		return steps.tasksOf(principal.getName())
			.stream()
			.map(task -> new ProviderTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
					task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey(),
					steps.formValues(task)))
			.toList();
	}

	@PostMapping("/tasks/{taskId}")
	ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> formData,
			Principal principal) {
		concurrentChanges.retrying("Provider task " + taskId, () -> {
			Task task = steps.tasksOf(principal.getName())
				.stream()
				.filter(candidate -> candidate.getId().equals(taskId))
				.findFirst()
				.orElseThrow(() -> new CaseNotFoundException("task " + taskId));
			Application application = access.require(businessKeyOf(task));
			steps.complete(application, task, null, formData);
			return null;
		});
		return ResponseEntity.noContent().build();
	}

	private String businessKeyOf(Task task) {
		return (String) steps.variable(task, CaseVariables.APPLICATION_NUMBER);
	}

	record ProviderTask(String taskId, String step, String name, String formId, Map<String, Object> values) {
	}

}
