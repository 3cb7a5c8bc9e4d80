package org.mmpcase.dispensary;

import java.util.Map;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.registration.StepHandler;
import org.springframework.stereotype.Component;

/** The first choice of dispensary, during registration; it does not count as a change. */
@Component
class ChooseDispensaryStep implements StepHandler {

	private final DispensaryService dispensaries;

	ChooseDispensaryStep(DispensaryService dispensaries) {
		this.dispensaries = dispensaries;
	}

	@Override
	public String taskDefinitionKey() {
		return InitialRegistrationProcess.TASK_CHOOSE_DISPENSARY;
	}

	@Override
	public Map<String, Object> complete(Application application, Map<String, Object> formData) {
		String code = (String) formData.get(CaseVariables.DISPENSARY_CODE);
		dispensaries.requireActive(code, CaseVariables.DISPENSARY_CODE);
		application.chooseDispensary(code);
		// kept on the case only: nothing in the process reads the dispensary
		return Map.of();
	}

}
