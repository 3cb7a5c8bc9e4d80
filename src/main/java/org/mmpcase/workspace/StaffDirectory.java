package org.mmpcase.workspace;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.mmpcase.shared.StaffGroups;
import org.springframework.stereotype.Component;

/** Names of Camunda users for what the workspace shows (assignees), and who a review may be given to. */
@Component
class StaffDirectory {

	private final IdentityService identity;

	StaffDirectory(IdentityService identity) {
		this.identity = identity;
	}

	/** Display names of these users ("Riley Reviewer"), by id; unknown ids are left out. */
	Map<String, String> names(Collection<String> userIds) {
		Set<String> ids = new TreeSet<>(userIds.stream().filter(Objects::nonNull).toList());
		Map<String, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		identity.createUserQuery()
			.userIdIn(ids.toArray(String[]::new))
			.list()
			.forEach(user -> names.put(user.getId(), StaffSessions.displayName(user)));
		return names;
	}

	record Reviewer(String id, String name) {
	}

	/** Members of the reviewers and supervisors groups, by name. */
	List<Reviewer> reviewers() {
		Map<String, Reviewer> reviewers = new LinkedHashMap<>();
		for (String group : List.of(StaffGroups.REVIEWERS, StaffGroups.SUPERVISORS)) {
			for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserLastName().asc().list()) {
				reviewers.putIfAbsent(user.getId(), new Reviewer(user.getId(), StaffSessions.displayName(user)));
			}
		}
		return reviewers.values().stream().sorted(java.util.Comparator.comparing(Reviewer::name)).toList();
	}

	boolean isReviewer(String userId) {
		return reviewers().stream().anyMatch(reviewer -> reviewer.id().equals(userId));
	}

}
