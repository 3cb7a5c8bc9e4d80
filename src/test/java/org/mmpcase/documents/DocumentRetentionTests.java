package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents follow the retention of their case's history: kept while the case runs and while its history is kept
 * (end + the process definition's historyTimeToLive, P180D), removed (rows and files, every version) once that
 * time has passed or the history is gone.
 */
class DocumentRetentionTests extends ProcessTest {

	@Autowired
	DocumentRetention retention;

	@Autowired
	DocumentRepository documents;

	@Autowired
	DocumentStorage storage;

	@Autowired
	HistoryService historyService;

	@Test
	void endedCase_documentsRemovedWhenItsHistoryRetentionHasPassed_runningCaseKeepsThem() {
		Application ended = approvedCase();
		Application running = driver.certify();
		driver.completeApplicantSteps(running);
		List<Document> endedDocuments = documents.findByApplication(ended);
		List<Document> runningDocuments = documents.findByApplication(running);
		assertThat(endedDocuments).hasSize(2);
		assertThat(runningDocuments).hasSize(2);

		HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(ended.getProcessInstanceId())
			.singleResult();
		Instant end = history.getEndTime().toInstant();
		assertThat(history.getRemovalTime().toInstant()).as("end + historyTimeToLive of initial-registration")
			.isEqualTo(end.plus(Duration.ofDays(180)));

		retention.run(end.plus(Duration.ofDays(179)));
		assertThat(documents.findByApplication(ended)).hasSize(2);
		assertThat(endedDocuments).allMatch(this::fileExists);

		retention.run(end.plus(Duration.ofDays(181)));
		assertThat(documents.findByApplication(ended)).isEmpty();
		assertThat(endedDocuments).noneMatch(this::fileExists);
		assertThat(documents.findByApplication(running)).hasSize(2);
		assertThat(runningDocuments).allMatch(this::fileExists);
	}

	@Test
	void endedCase_historyAlreadyCleanedUp_documentsRemoved() {
		Application ended = approvedCase();
		Application stillKept = approvedCase();
		List<Document> endedDocuments = documents.findByApplication(ended);
		// what history cleanup does once the retention has passed
		historyService.deleteHistoricProcessInstance(ended.getProcessInstanceId());

		retention.run();

		assertThat(documents.findByApplication(ended)).isEmpty();
		assertThat(endedDocuments).noneMatch(this::fileExists);
		assertThat(documents.findByApplication(stillKept)).as("history still within its retention").hasSize(2);
	}

	private Application approvedCase() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		application = driver.reload(application);
		assertThat(historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(application.getProcessInstanceId())
			.finished()
			.count()).as("the case has ended").isEqualTo(1);
		return application;
	}

	private boolean fileExists(Document document) {
		return Files.exists(((FileSystemDocumentStorage) storage).pathOf(document.getStorageKey()));
	}

}
