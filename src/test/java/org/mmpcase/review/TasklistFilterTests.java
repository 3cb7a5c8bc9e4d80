package org.mmpcase.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.shared.StaffGroups;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Each Tasklist filter returns what its name says, to the groups allowed to read it. */
class TasklistFilterTests extends ProcessTest {

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void logOut() {
		identityService.clearAuthentication();
	}

	@Test
	void unassignedReviews_showsOpenReviews_notClaimedOnes_sortedByDueDate() {
		Task open = submittedReview();
		Task claimed = submittedReview();
		taskService.claim(claimed.getId(), "reviewer");

		List<String> unassigned = asReviewer(TasklistFilters.UNASSIGNED_REVIEWS);

		assertThat(unassigned).contains(open.getId()).doesNotContain(claimed.getId());
		assertThat(asReviewer(TasklistFilters.MY_TASKS)).contains(claimed.getId()).doesNotContain(open.getId());
		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		List<Date> dueDates = filterService.<Task>list(filterId(TasklistFilters.UNASSIGNED_REVIEWS))
			.stream()
			.map(Task::getDueDate)
			.toList();
		assertThat(dueDates).hasSizeGreaterThan(0).isSorted();
	}

	@Test
	void dueSoonAndSlaBreached_followTheDueDate_includingClaimedReviews() {
		Task later = submittedReview();
		Task soon = dueIn(submittedReview(), 2);
		Task breached = dueIn(submittedReview(), -1);
		taskService.claim(breached.getId(), "supervisor");

		assertThat(asReviewer(TasklistFilters.DUE_SOON)).contains(soon.getId(), breached.getId())
			.doesNotContain(later.getId());
		assertThat(asReviewer(TasklistFilters.SLA_BREACHED)).contains(breached.getId())
			.doesNotContain(soon.getId(), later.getId());
	}

	@Test
	void waitingOnApplicant_showsOpenRequestsForInformation_readOnlyForReviewers() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(CaseVariables.INFORMATION_REQUEST, "A newer utility bill, please."));
		driver.runDueJobs(application);
		Task waiting = driver.currentStep(application);

		assertThat(asReviewer(TasklistFilters.WAITING_ON_APPLICANT)).contains(waiting.getId());
		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		assertThatThrownBy(() -> taskService.complete(waiting.getId(),
				Map.of(CaseVariables.INFORMATION_RESPONSE, "answered by a reviewer")))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void escalations_onlyForSupervisors() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.fireTimer(application, ApplicationReviewProcess.TIMER_REVIEW_SLA_BREACHED);
		Task escalation = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
			.singleResult();

		identityService.setAuthentication("supervisor", List.of(StaffGroups.SUPERVISORS, StaffGroups.REVIEWERS));
		assertThat(ids(TasklistFilters.ESCALATIONS)).contains(escalation.getId());
		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
			.contains(TasklistFilters.MY_TASKS, TasklistFilters.UNASSIGNED_REVIEWS)
			.doesNotContain(TasklistFilters.ESCALATIONS);
	}

	@Test
	void supervisor_reassignsAReview_reviewerCannotSeeOthersFilters() {
		Task review = submittedReview();
		taskService.claim(review.getId(), "reviewer");

		identityService.setAuthentication("supervisor", List.of(StaffGroups.SUPERVISORS, StaffGroups.REVIEWERS));
		taskService.setAssignee(review.getId(), "supervisor");

		assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo("supervisor");
		identityService.setAuthentication("owner", List.of(StaffGroups.PROCESS_OWNERS));
		assertThat(filterService.createFilterQuery().list()).isEmpty();
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("process owners work no tasks")
			.isZero();
	}

	private Task submittedReview() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		return driver.reviewTask(application);
	}

	private Task dueIn(Task task, int days) {
		Task loaded = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		loaded.setDueDate(new Date(System.currentTimeMillis() + days * 86_400_000L));
		taskService.saveTask(loaded);
		return loaded;
	}

	private List<String> asReviewer(String filterName) {
		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		try {
			return ids(filterName);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private List<String> ids(String filterName) {
		return filterService.<Task>list(filterId(filterName)).stream().map(Task::getId).toList();
	}

	private String filterId(String name) {
		return filterService.createFilterQuery().filterName(name).singleResult().getId();
	}

}
