package org.mmpcase.certificate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * The expiry reminders of a permanent registration ({@code registration-expiry.bpmn}): started when it is issued,
 * ended when a renewal supersedes it. The model's timers ask {@link #dueAt} when a reminder is due, so the offsets
 * stay in the model where a process owner edits them.
 */
@Component("expiryReminders")
public class ExpiryReminders {

	/** Reminders go out in the morning, in the program's time zone, not at midnight. */
	static final LocalTime SEND_AT = LocalTime.of(9, 0);

	private final RuntimeService runtimeService;

	ExpiryReminders(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	/** When the reminder {@code before} the expiry (an ISO-8601 period such as {@code P60D}) is due. */
	public Date dueAt(Date expiresOn, String before) {
		LocalDate lastDay = expiresOn.toInstant().atZone(zone()).toLocalDate();
		return Date.from(lastDay.minus(Period.parse(before)).atTime(SEND_AT).atZone(zone()).toInstant());
	}

	void started(Registration registration) {
		runtimeService.startProcessInstanceByKey(RegistrationExpiryProcess.PROCESS_KEY,
				registration.getRegistrationNumber(),
				Map.of(CaseVariables.REGISTRATION_NUMBER, registration.getRegistrationNumber(),
						CaseVariables.REGISTRATION_EXPIRES_ON,
						Date.from(registration.getExpiresOn().atStartOfDay(zone()).toInstant())));
	}

	/** The registration stopped being valid (suspended, revoked, ended): its reminders end. */
	void stopped(Registration registration) {
		superseded(registration);
	}

	void superseded(Registration registration) {
		runtimeService.createMessageCorrelation(RegistrationExpiryProcess.MESSAGE_REGISTRATION_SUPERSEDED)
			.processInstanceBusinessKey(registration.getRegistrationNumber())
			.correlateAll();
	}

	private static ZoneId zone() {
		return CaseStarter.PROGRAM_ZONE;
	}

}
