package org.mmpcase.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mmpcase.change.RegistrationChangeProcess;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseFormValues;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.payment.PaymentCards;
import org.mmpcase.payment.PaymentMethod;
import org.mmpcase.renewal.RenewalProcess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upgrades the cases started before issue 14, whose process variables still carry copies of the case (profile,
 * certification, choices, attestations, the card) and whose review got all of them: for each running instance of the
 * case processes and of the review, first makes sure our tables hold what the copies hold (the dispensary and
 * document types of the case, the attestations' time, the card entered for the fee), then removes the copies from the
 * running instance, then moves the
 * instances to the latest version of each process (Camunda's migration API, {@link MigrationService}), whose review
 * call activity passes in only what the review reads and returns only the decision. Suspended instances too (they
 * stay suspended). Each instance in a transaction of
 * its own; a second run finds nothing to remove. An instance whose case is not in our tables is left as it is and
 * counted. The history of those cases keeps its copies until the history cleanup removes it (historyTimeToLive).
 * Started with {@code --mmp.cases.migrate-running=true} ({@code MMP_CASES_MIGRATE_RUNNING}, docs/operations.md).
 */
@Component
@org.springframework.core.annotation.Order(1) // after ModelDeployer (0): the new versions must be deployed first
class CaseVariableMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CaseVariableMigration.class);

	/** The processes that run a case (business key = application number), and the review they call. */
	static final List<String> CASE_PROCESSES = List.of(InitialRegistrationProcess.KEY, RenewalProcess.KEY,
			RegistrationChangeProcess.KEY);

	/** What a case process got back from the review before, besides the decision: kept in our tables. */
	static final Set<String> FORMER_REVIEW_RESULTS = Set.of(CaseVariables.DENIAL_REASON,
			CaseVariables.INFORMATION_REQUEST, CaseVariables.REVIEW_NOTES, CaseVariables.REVIEW_HISTORY);

	/**
	 * What a review instance keeps: what the new call activities pass in, and what the review itself writes. The rest
	 * came in with {@code variables="all"}.
	 */
	static final Set<String> REVIEW_KEEPS = Set.of(CaseVariables.APPLICATION_NUMBER, CaseVariables.APPLICANT,
			CaseVariables.CHANGE_KIND,
			CaseVariables.DOCUMENTS_CHANGED, CaseVariables.REVIEW_SLA, CaseVariables.REVIEW_REMINDER,
			CaseVariables.REVIEW_DECISION, CaseVariables.DENIAL_REASON, CaseVariables.INFORMATION_REQUEST,
			CaseVariables.INFORMATION_RESPONSE, CaseVariables.REVIEW_NOTES, CaseVariables.REVIEW_HISTORY,
			CaseVariables.DOCUMENT_PROBLEMS, "escalationNotes");

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final ApplicationAccess access;

	private final MigrationService migrations;

	private final PaymentCards cards;

	private final TransactionTemplate transaction;

	private final boolean atStart;

	CaseVariableMigration(RuntimeService runtimeService, HistoryService historyService, ApplicationAccess access,
			MigrationService migrations, PaymentCards cards, TransactionTemplate transaction,
			@Value("${mmp.cases.migrate-running:false}") boolean atStart) {
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.access = access;
		this.migrations = migrations;
		this.cards = cards;
		this.transaction = transaction;
		this.atStart = atStart;
	}

	record Result(int instances, int variablesRemoved, List<String> withoutCase,
			List<MigrationService.Report> migrations) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (atStart) {
			Result result = run();
			log.info("Running cases upgraded: {} instances looked at, {} case copies removed from their variables, "
					+ "{} without a case in our tables (left as they were: {}); moved to the latest versions: {}",
					result.instances(), result.variablesRemoved(), result.withoutCase().size(), result.withoutCase(),
					result.migrations());
		}
	}

	Result run() {
		int instances = 0;
		int removed = 0;
		List<String> withoutCase = new ArrayList<>();
		List<String> keys = new ArrayList<>(CASE_PROCESSES);
		keys.add(ApplicationReviewProcess.KEY);
		for (String key : keys) {
			for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()) {
				instances++;
				Integer count = transaction.execute(status -> slim(instance, key));
				if (count == null) {
					withoutCase.add(instance.getBusinessKey());
				}
				else {
					removed += count;
				}
			}
		}
		List<MigrationService.Report> reports = new ArrayList<>();
		for (String key : keys) {
			reports.add(migrations.migrateToLatest(key));
		}
		return new Result(instances, removed, withoutCase, reports);
	}

	/** The number of variables removed, or null when the case is not in our tables. */
	private Integer slim(ProcessInstance instance, String key) {
		Application application = access.find(instance.getBusinessKey()).orElse(null);
		if (application == null) {
			return null;
		}
		Map<String, Object> variables = runtimeService.getVariablesLocal(instance.getId());
		keepInOurTables(application, instance, variables);
		Set<String> redundant = new HashSet<>();
		if (ApplicationReviewProcess.KEY.equals(key)) {
			variables.keySet().stream().filter(name -> !REVIEW_KEEPS.contains(name)).forEach(redundant::add);
		}
		else {
			variables.keySet()
				.stream()
				.filter(name -> CaseFormValues.KEYS.contains(name) || FORMER_REVIEW_RESULTS.contains(name)
						|| CaseVariables.FORMER_CARD.contains(name))
				.forEach(redundant::add);
		}
		if (!redundant.isEmpty()) {
			runtimeService.removeVariables(instance.getId(), redundant);
		}
		return redundant.size();
	}

	/** Copies into the case what only its variables may hold (the old steps kept both, but check). */
	private void keepInOurTables(Application application, ProcessInstance instance, Map<String, Object> variables) {
		if (application.getDispensaryCode() == null
				&& variables.get(CaseVariables.DISPENSARY_CODE) instanceof String code) {
			application.chooseDispensary(code);
		}
		if (application.getIdentityDocumentType() == null
				&& variables.get(CaseVariables.IDENTITY_DOCUMENT_TYPE) instanceof String identity
				&& variables.get(CaseVariables.RESIDENCY_DOCUMENT_TYPE) instanceof String residency) {
			application.chooseDocumentTypes(identity, residency);
		}
		if (application.getAttestedAt() == null && CaseVariables.ATTESTATIONS.stream()
			.allMatch(attestation -> Boolean.TRUE.equals(variables.get(attestation)))) {
			application.attested(signedAt(instance));
		}
		if (variables.get(CaseVariables.PAYMENT_METHOD_TOKEN) instanceof String token && cards.of(application).isEmpty()) {
			cards.keep(application, new PaymentMethod(token, (String) variables.get(CaseVariables.CARD_BRAND),
					(String) variables.get(CaseVariables.CARD_LAST4)));
		}
	}

	/** When the applicant completed the sign-attestations step (history), for a case signed before the column. */
	private Instant signedAt(ProcessInstance instance) {
		return historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.stream()
			.map(HistoricTaskInstance::getEndTime)
			.findFirst()
			.map(java.util.Date::toInstant)
			.orElseGet(Instant::now);
	}

}
