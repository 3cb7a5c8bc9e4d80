package org.mmpcase.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * {@code mmp.dispensary.max-changes} and {@code mmp.dispensary.change-window}, a rolling window by default). A change
 * locks the registration (two at once: the second counts the first) and is on the registration's history.
 */
@Service
public class DispensaryChanges {

	/** How many changes the holder made in the window, how many the window allows and how many are left. */
	public record Allowance(long used, int max, long left, long windowMonths) {
	}

	private final DispensaryService dispensaries;

	private final DispensaryChangeRepository changes;

	private final RegistrationLife life;

	private final Clock clock;

	private final int maxChanges;

	private final Period window;

	DispensaryChanges(DispensaryService dispensaries, DispensaryChangeRepository changes, RegistrationLife life,
			Clock clock, @Value("${mmp.dispensary.max-changes:4}") int maxChanges,
			@Value("${mmp.dispensary.change-window:P12M}") Period window) {
		this.dispensaries = dispensaries;
		this.changes = changes;
		this.life = life;
		this.clock = clock;
		this.maxChanges = maxChanges;
		this.window = window;
	}

	@Transactional
	public Registration change(String registrationNumber, String username, String dispensaryCode) {
		Registration registration = life.lock(registrationNumber);
		if (!registration.getHolder().getEmail().equals(Person.normaliseEmail(username))) {
			throw new CaseNotFoundException(registrationNumber);
		}
		if (!registration.isValidOn(LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE)))) {
			throw new ConflictException("This registration is no longer valid; renew it to choose a dispensary.");
		}
		dispensaries.requireActive(dispensaryCode, "dispensaryCode");
		if (dispensaryCode.equals(registration.getDispensaryCode())) {
			return registration;
		}
		Instant now = clock.instant();
		Instant since = windowStart(now);
		if (changes.countByHolderSince(registration.getHolder(), since) >= maxChanges) {
			Instant oldest = changes.oldestByHolderSince(registration.getHolder(), since);
			LocalDate next = ZonedDateTime.ofInstant(oldest, CaseStarter.PROGRAM_ZONE).plus(window).toLocalDate()
				.plusDays(1);
			throw new ConflictException("You have already changed dispensary " + maxChanges + " times in the last "
					+ describe(window) + ". You can change it again on " + CertificatePdf.DATE.format(next) + ".");
		}
		String from = registration.getDispensaryCode();
		changes.save(new DispensaryChange(registration, from, dispensaryCode, now));
		registration.changeDispensary(dispensaryCode);
		life.record(registration, registration.getHolder().getEmail(), RegistrationEvent.Action.DISPENSARY_CHANGED,
				null, (from == null ? "none" : from) + " -> " + dispensaryCode, null);
		return registration;
	}

	/** The holder's changes in the window ending now. */
	@Transactional(readOnly = true)
	public Allowance allowance(Registration registration) {
		long used = changes.countByHolderSince(registration.getHolder(), windowStart(clock.instant()));
		return new Allowance(used, maxChanges, Math.max(0, maxChanges - used), window.toTotalMonths());
	}

	private Instant windowStart(Instant now) {
		return ZonedDateTime.ofInstant(now, CaseStarter.PROGRAM_ZONE).minus(window).toInstant();
	}

	private static String describe(Period period) {
		return period.toTotalMonths() > 0 ? period.toTotalMonths() + " months" : period.getDays() + " days";
	}

}
