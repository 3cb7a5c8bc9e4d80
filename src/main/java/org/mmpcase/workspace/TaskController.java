package org.mmpcase.workspace;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff's actions on a task of their queue (see {@link TaskActions}). */
@RestController
class TaskController {

	private static final String TASK = WorkspaceSecurityConfiguration.API + "/tasks/{taskId}";

	private final TaskActions actions;

	private final StaffDirectory directory;

	TaskController(TaskActions actions, StaffDirectory directory) {
		this.actions = actions;
		this.directory = directory;
	}

	@GetMapping(TASK + "/form")
	TaskActions.TaskForm form(@AuthenticationPrincipal StaffUser user, @PathVariable String taskId) {
		return actions.form(user, taskId);
	}

	@PostMapping(TASK + "/claim")
	CaseTask claim(@AuthenticationPrincipal StaffUser user, @PathVariable String taskId) {
		return actions.claim(user, taskId);
	}

	@PostMapping(TASK + "/release")
	CaseTask release(@AuthenticationPrincipal StaffUser user, @PathVariable String taskId) {
		return actions.release(user, taskId);
	}

	record Assignee(String assignee) {
	}

	@PutMapping(TASK + "/assignee")
	CaseTask reassign(@AuthenticationPrincipal StaffUser user, @PathVariable String taskId,
			@RequestBody Assignee body) {
		return actions.reassign(user, taskId, body.assignee());
	}

	record Completion(Map<String, Object> values) {
	}

	@PostMapping(TASK + "/complete")
	Map<String, Object> complete(@AuthenticationPrincipal StaffUser user, @PathVariable String taskId,
			@RequestBody Completion body) {
		actions.complete(user, taskId, body.values() == null ? Map.of() : body.values());
		return Map.of("completed", true);
	}

	@GetMapping(WorkspaceSecurityConfiguration.API + "/reviewers")
	List<StaffDirectory.Reviewer> reviewers() {
		return directory.reviewers();
	}

}
