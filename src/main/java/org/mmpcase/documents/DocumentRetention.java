package org.mmpcase.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mmpcase.registration.Application;
import org.mmpcase.shared.BusinessKeyLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents are kept exactly as long as the history of their case: the engine gives every ended case a removal time
 * (its end plus the {@code historyTimeToLive} of its process definition, which a process owner sets in the Modeler),
 * and history cleanup removes the case at that time. Once that time has passed, or the case's history is gone, the
 * case's documents (every version: rows and stored files) are removed too. Running cases and ended cases still in
 * their retention keep theirs. There is no retention period of its own here.
 */
@Component
class DocumentRetention {

	private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

	private static final int PAGE = 200;

	/** The id {@code ManagementService.getHistoryLevel()} answers for history level "none". */
	private static final int HISTORY_LEVEL_NONE = 0;

	private final DocumentRepository documents;

	private final DocumentStorage storage;

	private final HistoryService historyService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DocumentRetention(DocumentRepository documents, DocumentStorage storage, HistoryService historyService,
			RuntimeService runtimeService, ManagementService managementService, TransactionTemplate transaction,
			Clock clock) {
		this.documents = documents;
		this.storage = storage;
		this.historyService = historyService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** @return how many documents were removed */
	int run() {
		return run(clock.instant());
	}

	int run(Instant now) {
		if (managementService.getHistoryLevel() == HISTORY_LEVEL_NONE) {
			// without history every ended case would look cleaned up: nothing can be told apart, nothing is removed
			log.warn("Document retention skipped: the engine keeps no history (camunda.bpm.history-level)");
			return 0;
		}
		int removed = 0;
		long after = 0;
		while (true) {
			List<Application> page = documents.applicationsWithDocuments(after, PageRequest.of(0, PAGE));
			if (page.isEmpty()) {
				return removed;
			}
			for (Application application : expired(page, now)) {
				removed += remove(application);
			}
			after = page.get(page.size() - 1).getId();
		}
	}

	/** The applications of this page whose case's retention has passed. */
	private List<Application> expired(List<Application> page, Instant now) {
		Set<String> ids = new HashSet<>();
		page.stream().map(Application::getProcessInstanceId).filter(id -> id != null).forEach(ids::add);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, HistoricProcessInstance> history = new HashMap<>();
		historyService.createHistoricProcessInstanceQuery()
			.processInstanceIds(ids)
			.list()
			.forEach(instance -> history.put(instance.getId(), instance));
		Set<String> running = new HashSet<>();
		runtimeService.createProcessInstanceQuery()
			.processInstanceIds(ids)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.forEach(running::add);
		List<Application> expired = new ArrayList<>();
		for (Application application : page) {
			String id = application.getProcessInstanceId();
			if (id == null || running.contains(id)) {
				continue;
			}
			HistoricProcessInstance instance = history.get(id);
			boolean historyGone = instance == null;
			boolean retentionPassed = instance != null && instance.getEndTime() != null
					&& instance.getRemovalTime() != null && !instance.getRemovalTime().toInstant().isAfter(now);
			if (historyGone || retentionPassed) {
				expired.add(application);
			}
		}
		return expired;
	}

	private int remove(Application application) {
		return BusinessKeyLogging.withBusinessKey(application.getApplicationNumber(),
				() -> removeDocuments(application));
	}

	private int removeDocuments(Application application) {
		List<String> keys = transaction.execute(status -> {
			List<Document> all = documents.findByApplication(application);
			documents.deleteAll(all);
			return all.stream().map(Document::getStorageKey).toList();
		});
		int files = 0;
		for (String key : keys) {
			try {
				storage.delete(key);
				files++;
			}
			catch (RuntimeException ex) {
				// the row is gone, so the orphan cleanup removes the file later
				log.warn("Document file {} not removed yet ({}); the orphan cleanup will", key,
						ex.getClass().getSimpleName());
			}
		}
		log.info("Documents of application {} removed after the case's retention: {} documents, {} files",
				application.getApplicationNumber(), keys.size(), files);
		return keys.size();
	}

}
