package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** fee-schedule.dmn row by row: every fee is $0 since Connecticut removed them on 1 July 2023. */
class FeeScheduleTests extends ProcessTest {

	@Autowired
	DecisionService decisionService;

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "patient,initial,0", "patient,renewal,0", "caregiver,initial,0", "caregiver,renewal,0" })
	void feeSchedule_eachRoleAndKind_hasItsFee(String role, String kind, double fee) {
		DmnDecisionResult result = decisionService.evaluateDecisionByKey("fee-schedule")
			.variables(Map.of(CaseVariables.APPLICANT_ROLE, role, CaseVariables.APPLICATION_KIND, kind))
			.evaluate();

		assertThat(result).hasSize(1);
		assertThat(((Number) result.getSingleEntry()).doubleValue()).isEqualTo(fee);
	}

	@ParameterizedTest
	@CsvSource({ "dispensary,initial", "patient,replacement" })
	void feeSchedule_unknownRoleOrKind_hasNoFee(String role, String kind) {
		DmnDecisionResult result = decisionService.evaluateDecisionByKey("fee-schedule")
			.variables(Map.of(CaseVariables.APPLICANT_ROLE, role, CaseVariables.APPLICATION_KIND, kind))
			.evaluate();

		assertThat(result).isEmpty();
	}

}
