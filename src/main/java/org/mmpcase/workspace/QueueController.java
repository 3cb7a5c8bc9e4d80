package org.mmpcase.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmpcase.shared.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The reviewers' queue: its views, their counts and pages (see docs/reviewer-workspace.md). */
@RestController
@RequestMapping(WorkspaceSecurityConfiguration.API + "/queue")
class QueueController {

	static final int MAX_PAGE = 100;

	private final QueueQueries queries;

	private final StaffDirectory directory;

	private final Clock clock;

	QueueController(QueueQueries queries, StaffDirectory directory, Clock clock) {
		this.queries = queries;
		this.directory = directory;
		this.clock = clock;
	}

	record View(String id, String label, String description) {
	}

	record Page(String view, List<QueueRow> rows, String next) {
	}

	@GetMapping("/views")
	List<View> views(@AuthenticationPrincipal StaffUser user) {
		return Arrays.stream(QueueView.values())
			.filter(view -> view.isFor(user))
			.map(view -> new View(view.id(), view.label(), view.description()))
			.toList();
	}

	@GetMapping("/counts")
	Map<String, QueueQueries.Count> counts(@AuthenticationPrincipal StaffUser user) {
		Map<String, QueueQueries.Count> counts = new LinkedHashMap<>();
		Arrays.stream(QueueView.values())
			.filter(view -> view.isFor(user))
			.forEach(view -> counts.put(view.id(), queries.count(user, view)));
		return counts;
	}

	@GetMapping("/{view}/count")
	QueueQueries.Count count(@AuthenticationPrincipal StaffUser user, @PathVariable String view) {
		return queries.count(user, view(view, user));
	}

	@GetMapping("/{view}")
	Page page(@AuthenticationPrincipal StaffUser user, @PathVariable String view,
			@RequestParam(defaultValue = "25") int size, @RequestParam(required = false) String after) {
		if (size < 1 || size > MAX_PAGE) {
			throw BadRequestException.field("size", "A page has 1 to " + MAX_PAGE + " rows.");
		}
		QueueView queueView = view(view, user);
		List<QueueQueries.Entry> entries = queries.page(user, queueView, blankToNull(after), size + 1);
		boolean more = entries.size() > size;
		List<QueueQueries.Entry> shown = more ? entries.subList(0, size) : entries;
		Map<String, String> names = directory.names(shown.stream().map(QueueQueries.Entry::assignee).toList());
		Instant now = clock.instant();
		List<QueueRow> rows = shown.stream().map(entry -> QueueRow.of(entry, names, now)).toList();
		return new Page(queueView.id(), rows, more ? shown.get(shown.size() - 1).cursor() : null);
	}

	private static QueueView view(String id, StaffUser user) {
		return QueueView.of(id)
			.filter(view -> view.isFor(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such view of the queue."));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
