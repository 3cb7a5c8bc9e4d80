package org.mmpcase.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** renewal-auto-approval.dmn row by row (hit policy FIRST: the first matching row decides). */
class RenewalAutoApprovalTests extends ProcessTest {

	@Autowired
	DecisionService decisionService;

	@ParameterizedTest(name = "valid={0} denied={1} changed={2} -> {3}")
	@CsvSource(delimiter = '|', value = {
			"false | false | false | false | Certification is not valid",
			"false | true  | true  | false | Certification is not valid",
			"true  | true  | false | false | Denial, suspension or revocation in the past 6 months",
			"true  | true  | true  | false | Denial, suspension or revocation in the past 6 months",
			"true  | false | true  | false | Identity or residency changed",
			"true  | false | false | true  | Identity unchanged, no adverse action, certification valid" })
	void autoApproval_eachRow_decidesWithItsReason(boolean certificationValid, boolean adverseAction,
			boolean identityChanged, boolean autoApprove, String reason) {
		DmnDecisionResultEntries result = decide(certificationValid, adverseAction, false, identityChanged);

		assertThat((Boolean) result.get(CaseVariables.AUTO_APPROVE)).isEqualTo(autoApprove);
		assertThat((String) result.get(CaseVariables.AUTO_APPROVAL_REASON)).isEqualTo(reason);
	}

	/** The row of a suspension or revocation by DCP (registration_event), and its place among the others. */
	@ParameterizedTest(name = "valid={0} denied={1} suspendedOrRevoked={2} changed={3} -> {4}")
	@CsvSource(delimiter = '|', value = {
			"true  | false | true  | false | false | Suspension or revocation in the past 6 months",
			"true  | false | true  | true  | false | Suspension or revocation in the past 6 months",
			"false | false | true  | false | false | Certification is not valid",
			"true  | true  | true  | false | false | Denial, suspension or revocation in the past 6 months",
			"true  | false | false | false | true  | Identity unchanged, no adverse action, certification valid" })
	void autoApproval_suspensionOrRevocationRow_refusesWithItsOwnReason(boolean certificationValid,
			boolean denied, boolean suspendedOrRevoked, boolean identityChanged, boolean autoApprove,
			String reason) {
		DmnDecisionResultEntries result = decide(certificationValid, denied, suspendedOrRevoked, identityChanged);

		assertThat((Boolean) result.get(CaseVariables.AUTO_APPROVE)).isEqualTo(autoApprove);
		assertThat((String) result.get(CaseVariables.AUTO_APPROVAL_REASON)).isEqualTo(reason);
	}

	private DmnDecisionResultEntries decide(boolean certificationValid, boolean denied, boolean suspendedOrRevoked,
			boolean identityChanged) {
		return decisionService.evaluateDecisionByKey(RenewalProcess.DECISION_AUTO_APPROVAL)
			.variables(Map.of(CaseVariables.CERTIFICATION_VALID, certificationValid,
					CaseVariables.ADVERSE_ACTION_WITHIN_6_MONTHS, denied,
					CaseVariables.SUSPENDED_OR_REVOKED_WITHIN_6_MONTHS, suspendedOrRevoked,
					CaseVariables.IDENTITY_CHANGED, identityChanged))
			.evaluate()
			.getSingleResult();
	}

}
