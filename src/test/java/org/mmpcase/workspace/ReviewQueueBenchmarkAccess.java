package org.mmpcase.workspace;

import org.springframework.context.ApplicationContext;

/**
 * For the reviewer-queue benchmark (org.mmpcase.benchmark, not a test): writes the reviewers' queue anew from the
 * engine's tasks ({@link ReviewQueueRebuild#rebuild()}, package-private), after the benchmark copied cases in SQL
 * behind the engine's back.
 */
public final class ReviewQueueBenchmarkAccess {

	private ReviewQueueBenchmarkAccess() {
	}

	/** @return the number of tasks in the queue now */
	public static int rebuild(ApplicationContext context) {
		return context.getBean(ReviewQueueRebuild.class).rebuild();
	}

}
