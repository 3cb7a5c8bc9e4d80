package org.mmpcase.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.shared.EngineAuthorizations;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.StaffFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reviewers' queue is a projection of the engine's tasks; on the same data each view returns exactly the tasks
 * the engine's own task query returns for that user (run as that user, with Camunda's authorization checks), for a
 * reviewer, a supervisor, a reviewer of another group and a process owner.
 */
class ReviewQueueMatchesEngineTests extends ProcessTest {

	private static final String OTHER_GROUP = StaffFixtures.OTHER_GROUP;

	private static final String OTHER_REVIEWER = StaffFixtures.OTHER_REVIEWER;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	EngineAuthorizations authorizations;

	@Autowired
	StaffSessions sessions;

	@Autowired
	QueueQueries queue;

	@Autowired
	ReviewQueueRebuild rebuild;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void logOut() {
		identityService.clearAuthentication();
	}

	@Test
	void everyView_forEveryKindOfStaffUser_returnsTheEnginesTasks_inTheViewsOrder() {
		otherGroupWithItsReviewer();
		Task dueLater = dueIn(submittedReview(), 10);
		Task dueSoon = dueIn(submittedReview(), 2);
		Task late = dueIn(submittedReview(), -1);
		taskService.claim(late.getId(), "supervisor");
		Task mine = dueIn(submittedReview(), 20);
		taskService.claim(mine.getId(), "reviewer");
		Task movedToOtherGroup = dueIn(submittedReview(), 1);
		taskService.deleteCandidateGroup(movedToOtherGroup.getId(), "reviewers");
		taskService.addCandidateGroup(movedToOtherGroup.getId(), OTHER_GROUP);
		Task assignedToOtherReviewer = dueIn(submittedReview(), -2);
		taskService.setAssignee(assignedToOtherReviewer.getId(), OTHER_REVIEWER);
		Task escalation = escalated();
		Task waiting = waitingOnApplicant();
		taskService.setPriority(dueSoon.getId(), ApplicationReviewProcess.RAISED_PRIORITY);

		for (String userId : List.of("reviewer", "supervisor", OTHER_REVIEWER, "owner")) {
			StaffUser user = sessions.load(userId).orElseThrow();
			for (QueueView view : QueueView.values()) {
				List<QueueQueries.Entry> ours = queue.page(user, view, null, 1000);
				Set<String> engine = view.isFor(user) ? engine(user, view) : Set.of();
				assertThat(ids(ours)).as("%s, view %s", userId, view.id()).containsExactlyInAnyOrderElementsOf(engine);
				assertThat(ours).as("%s, view %s in order", userId, view.id())
					.isSortedAccordingTo(Comparator.comparing(QueueQueries.Entry::sortAt));
				assertThat(queue.count(user, view).count()).isEqualTo(ours.size());
			}
		}

		StaffUser reviewer = sessions.load("reviewer").orElseThrow();
		assertThat(ids(queue.page(reviewer, QueueView.UNASSIGNED, null, 100))).contains(dueLater.getId(), dueSoon.getId())
			.doesNotContain(late.getId(), mine.getId(), movedToOtherGroup.getId());
		assertThat(ids(queue.page(reviewer, QueueView.WAITING, null, 100))).contains(waiting.getId());
		StaffUser lena = sessions.load(OTHER_REVIEWER).orElseThrow();
		assertThat(ids(queue.page(lena, QueueView.PAST_SLA, null, 100))).containsExactly(assignedToOtherReviewer.getId());
		assertThat(ids(queue.page(lena, QueueView.UNASSIGNED, null, 100))).containsExactly(movedToOtherGroup.getId());
		StaffUser supervisor = sessions.load("supervisor").orElseThrow();
		assertThat(ids(queue.page(supervisor, QueueView.ESCALATIONS, null, 100))).contains(escalation.getId());
		QueueQueries.Entry raised = queue.task(reviewer, dueSoon.getId()).orElseThrow();
		assertThat(raised.priority()).isEqualTo(ApplicationReviewProcess.RAISED_PRIORITY);
		assertThat(raised.applicantName()).isEqualTo("Jordan Rivera");
		assertThat(raised.documentSummary()).isEqualTo(
				"Identity: no text (a photo). Residency: name and address found.");
	}

	@Test
	void pages_followEachOtherInTheViewsOrder_withoutGapsOrRepeats() {
		for (int i = 0; i < 7; i++) {
			dueIn(submittedReview(), 3 + i);
		}
		StaffUser reviewer = sessions.load("reviewer").orElseThrow();
		List<QueueQueries.Entry> all = queue.page(reviewer, QueueView.UNASSIGNED, null, 1000);

		List<String> paged = new ArrayList<>();
		String after = null;
		do {
			List<QueueQueries.Entry> page = queue.page(reviewer, QueueView.UNASSIGNED, after, 3);
			paged.addAll(ids(page));
			after = page.size() < 3 ? null : page.get(page.size() - 1).cursor();
		}
		while (after != null);

		assertThat(paged).containsExactlyElementsOf(ids(all)).hasSizeGreaterThanOrEqualTo(7);
	}

	@Test
	void finishedAndDeletedTasks_leaveTheQueue_evenWhenCustomListenersAreSkipped() {
		Application decided = submitted();
		Task review = driver.reviewTask(decided);
		Application deleted = submitted();
		Task deletedReview = driver.reviewTask(deleted);
		StaffUser reviewer = sessions.load("reviewer").orElseThrow();
		assertThat(queue.task(reviewer, review.getId())).isPresent();

		driver.review(decided, CaseVariables.DECISION_APPROVE, Map.of());
		runtimeService.deleteProcessInstance(deleted.getProcessInstanceId(), "withdrawn", true);

		assertThat(queue.task(reviewer, review.getId())).isEmpty();
		assertThat(queue.task(reviewer, deletedReview.getId())).isEmpty();
		assertThat(jdbc.sql("select count(*) from review_queue_group where task_id in (?, ?)")
			.params(review.getId(), deletedReview.getId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rebuild_fromTheEnginesTasks_writesWhatTheListenersWrote() {
		otherGroupWithItsReviewer();
		Task claimed = submittedReview();
		taskService.claim(claimed.getId(), "reviewer");
		Task moved = submittedReview();
		taskService.addCandidateGroup(moved.getId(), OTHER_GROUP);
		escalated();
		waitingOnApplicant();
		List<Map<String, Object>> before = snapshot();

		int rebuilt = rebuild.rebuild();

		assertThat(rebuilt).isEqualTo(before.stream().map(row -> row.get("task_id")).distinct().count());
		assertThat(snapshot()).containsExactlyElementsOf(before);
	}

	private List<Map<String, Object>> snapshot() {
		return jdbc.sql("select q.*, g.group_id from review_queue q left join review_queue_group g "
				+ "on g.task_id = q.task_id order by q.task_id, g.group_id")
			.query()
			.listOfRows();
	}

	/** What the engine answers the user for the view's question. */
	private Set<String> engine(StaffUser user, QueueView view) {
		Date now = new Date();
		Date soon = Date.from(Instant.now().plus(QueueQueries.DUE_SOON));
		return switch (view) {
			case UNASSIGNED -> asUser(user, () -> reviews().taskCandidateGroupIn(user.groups()).taskUnassigned());
			case MINE -> asUser(user, () -> review().taskDefinitionKeyIn(ApplicationReviewProcess.TASK_REVIEW_APPLICATION,
					ApplicationReviewProcess.TASK_HANDLE_ESCALATION).taskAssignee(user.id()));
			case DUE_SOON -> visible(user, () -> reviews().dueBefore(soon));
			case PAST_SLA -> visible(user, () -> reviews().dueBefore(now));
			case WAITING -> asUser(user,
					() -> review().taskDefinitionKey(ApplicationReviewProcess.TASK_PROVIDE_INFORMATION));
			case ESCALATIONS -> visible(user,
					() -> review().taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION));
		};
	}

	/** As a candidate-group member (assigned or not) or as the assignee. */
	private Set<String> visible(StaffUser user, Supplier<TaskQuery> query) {
		Set<String> ids = new LinkedHashSet<>(asUser(user, () -> query.get()
			.taskCandidateGroupIn(user.groups())
			.includeAssignedTasks()));
		ids.addAll(asUser(user, () -> query.get().taskAssignee(user.id())));
		return ids;
	}

	private Set<String> asUser(StaffUser user, Supplier<TaskQuery> query) {
		return user.asUser(identityService,
				() -> new LinkedHashSet<>(query.get().list().stream().map(Task::getId).toList()));
	}

	private TaskQuery review() {
		return taskService.createTaskQuery().processDefinitionKey(ApplicationReviewProcess.KEY);
	}

	private TaskQuery reviews() {
		return review().taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION);
	}

	private static List<String> ids(List<QueueQueries.Entry> entries) {
		return entries.stream().map(QueueQueries.Entry::taskId).toList();
	}

	private void otherGroupWithItsReviewer() {
		StaffFixtures.otherGroupWithItsReviewer(identityService, authorizations);
	}

	private Application submitted() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		return application;
	}

	private Task submittedReview() {
		return driver.reviewTask(submitted());
	}

	private Task escalated() {
		Application application = submitted();
		driver.fireTimer(application, ApplicationReviewProcess.TIMER_REVIEW_SLA_BREACHED);
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getApplicationNumber())
			.taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
			.singleResult();
	}

	private Task waitingOnApplicant() {
		Application application = submitted();
		driver.review(application, CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(CaseVariables.INFORMATION_REQUEST, "A newer utility bill, please."));
		driver.runDueJobs(application);
		return driver.currentStep(application);
	}

	private Task dueIn(Task task, int days) {
		Task loaded = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		loaded.setDueDate(new Date(System.currentTimeMillis() + days * 86_400_000L));
		taskService.saveTask(loaded);
		return loaded;
	}

}
