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

	@ParameterizedTest(name = "valid={0} adverse={1} changed={2} -> {3}")
	@CsvSource(delimiter = '|', value = {
			"false | false | false | false | Certification is not valid",
			"false | true  | true  | false | Certification is not valid",
			"true  | true  | false | false | Denial, suspension or revocation in the past 6 months",
			"true  | true  | true  | false | Denial, suspension or revocation in the past 6 months",
			"true  | false | true  | false | Identity or residency changed",
			"true  | false | false | true  | Identity unchanged, no adverse action, certification valid" })
	void autoApproval_eachRow_decidesWithItsReason(boolean certificationValid, boolean adverseAction,
			boolean identityChanged, boolean autoApprove, String reason) {
		DmnDecisionResultEntries result = decisionService
			.evaluateDecisionByKey(RenewalProcess.DECISION_AUTO_APPROVAL)
			.variables(Map.of(CaseVariables.CERTIFICATION_VALID, certificationValid,
					CaseVariables.ADVERSE_ACTION_WITHIN_6_MONTHS, adverseAction, CaseVariables.IDENTITY_CHANGED,
					identityChanged))
			.evaluate()
			.getSingleResult();

		assertThat((Boolean) result.get(CaseVariables.AUTO_APPROVE)).isEqualTo(autoApprove);
		assertThat((String) result.get(CaseVariables.AUTO_APPROVAL_REASON)).isEqualTo(reason);
	}

}
