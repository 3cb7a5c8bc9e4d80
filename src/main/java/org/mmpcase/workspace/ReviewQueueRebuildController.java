package org.mmpcase.workspace;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.mmpcase.shared.StaffAuthentication;
import org.mmpcase.shared.StaffGroups;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: write the reviewers' queue anew from the engine's open tasks (see {@link ReviewQueueRebuild}). */
@RestController
class ReviewQueueRebuildController {

	private final ReviewQueueRebuild rebuild;

	private final StaffAuthentication staff;

	ReviewQueueRebuildController(ReviewQueueRebuild rebuild, StaffAuthentication staff) {
		this.rebuild = rebuild;
		this.staff = staff;
	}

	@PostMapping("/staff/review-queue/rebuild")
	Map<String, Integer> rebuild(HttpServletRequest request) {
		return staff.runAs(request, Set.of(StaffGroups.ADMINS), () -> Map.of("tasks", rebuild.rebuild()));
	}

}
