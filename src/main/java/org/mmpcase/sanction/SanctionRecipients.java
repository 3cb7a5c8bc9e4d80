package org.mmpcase.sanction;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection of the multi-instance e-mail steps ({@code ${sanctionRecipients.of(execution)}}): the sanctioned
 * registration, then the caregivers' registrations that followed it. Public: the engine's expressions call it.
 */
@Component("sanctionRecipients")
public class SanctionRecipients {

	public List<String> of(DelegateExecution execution) {
		Object recipients = execution.getVariable(SanctionProcess.RECIPIENTS);
		return recipients == null ? List.of(execution.getProcessBusinessKey())
				: Arrays.stream(recipients.toString().split(",")).filter(number -> !number.isBlank()).toList();
	}

}
