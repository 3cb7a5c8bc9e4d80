package org.mmpcase.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;

import org.mmpcase.dispensary.DispensaryService;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Person;
import org.mmpcase.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient may change the dispensary of their registration a limited number of times per period (DOMAIN.md: 4 a
 * year, unconfirmed whether a calendar year or a rolling 12 months, so both are settings:
 * {@code mmp.dispensary.max-changes} and {@code mmp.dispensary.change-window}, a rolling window by default).
 */
@Service
public class DispensaryChanges {

	private final DispensaryService dispensaries;

	private final DispensaryChangeRepository changes;

	private final RegistrationRepository registrations;

	private final Clock clock;

	private final int maxChanges;

	private final Period window;

	DispensaryChanges(DispensaryService dispensaries, DispensaryChangeRepository changes,
			RegistrationRepository registrations, Clock clock, @Value("${mmp.dispensary.max-changes:4}") int maxChanges,
			@Value("${mmp.dispensary.change-window:P12M}") Period window) {
		this.dispensaries = dispensaries;
		this.changes = changes;
		this.registrations = registrations;
		this.clock = clock;
		this.maxChanges = maxChanges;
		this.window = window;
	}

	@Transactional
	public Registration change(String registrationNumber, String username, String dispensaryCode) {
		Registration registration = registrations.findByRegistrationNumber(registrationNumber)
			.filter(candidate -> candidate.getHolder().getEmail().equals(Person.normaliseEmail(username)))
			.orElseThrow(() -> new CaseNotFoundException(registrationNumber));
		if (!registration.isValidOn(java.time.LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE)))) {
			throw new ConflictException("This registration is no longer valid; renew it to choose a dispensary.");
		}
		dispensaries.requireActive(dispensaryCode, "dispensaryCode");
		if (dispensaryCode.equals(registration.getDispensaryCode())) {
			return registration;
		}
		Instant now = clock.instant();
		Instant since = ZonedDateTime.ofInstant(now, CaseStarter.PROGRAM_ZONE).minus(window).toInstant();
		if (changes.countByHolderSince(registration.getHolder(), since) >= maxChanges) {
			throw new ConflictException("You have already changed dispensary " + maxChanges + " times in the last "
					+ describe(window) + ". You can change it again once the oldest change is more than "
					+ describe(window) + " old.");
		}
		changes.save(new DispensaryChange(registration, registration.getDispensaryCode(), dispensaryCode, now));
		registration.changeDispensary(dispensaryCode);
		return registration;
	}

	private static String describe(Period period) {
		return period.toTotalMonths() > 0 ? period.toTotalMonths() + " months" : period.getDays() + " days";
	}

}
