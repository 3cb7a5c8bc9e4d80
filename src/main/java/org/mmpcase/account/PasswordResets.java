package org.mmpcase.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mmpcase.registration.Person;
import org.mmpcase.shared.BadRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by e-mail: a random token (256 bits) of which only the SHA-256 hash is stored, valid for
 * {@code mmp.accounts.reset-validity}, used up by the reset; a new request replaces the older token. The reset
 * ends the account's sessions on every node ({@link PortalSessions#endAllOf}) and clears its login throttle.
 */
@Service
public class PasswordResets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final LoginThrottle throttle;

	private final AccountProperties properties;

	private final Clock clock;

	private final String publicUrl;

	private final TransactionTemplate transaction;

	private final PortalSessions sessions;

	PasswordResets(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			LoginThrottle throttle, AccountProperties properties, Clock clock,
			@Value("${mmp.public-url}") String publicUrl, PlatformTransactionManager transactionManager,
			PortalSessions sessions) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.throttle = throttle;
		this.properties = properties;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The e-mail to send after commit, holding the link; never logged. */
	public record ResetMail(String to, Map<String, String> model) {

		@Override
		public String toString() {
			return "ResetMail";
		}

	}

	/** A new reset link for an active account; nothing for an unknown or not yet activated one. */
	@Transactional
	public Optional<ResetMail> request(String email) {
		return accounts.findByUsername(Person.normaliseEmail(email)).filter(Account::isActivated).map(account -> {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			account.requestReset(InvitationService.hash(token), clock.instant().plus(properties.resetValidity()));
			String link = publicUrl + "/portal/reset-password?email="
					+ URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8) + "&token=" + token;
			return new ResetMail(account.getUsername(),
					Map.of("name", account.getDisplayName(), "resetUrl", link, "validity",
							describe(properties.resetValidity().toMinutes())));
		});
	}

	/**
	 * As {@link InvitationService#activate}: the token is checked, the new password hashed outside any transaction
	 * (no database connection held while bcrypt runs), then the token checked again and the password stored.
	 */
	public void confirm(String email, String token, String password) {
		List<String> personalWords = transaction.execute(status -> personalWords(openReset(email, token)));
		policy.check(password, personalWords);
		String passwordHash = passwordEncoder.encode(password);
		String username = transaction.execute(status -> {
			Account account = openReset(email, token);
			account.resetPassword(passwordHash, clock.instant());
			throttle.succeeded(account.getUsername());
			return account.getUsername();
		});
		// after the commit: a session signed in meanwhile with the old password is ended too
		sessions.endAllOf(username);
	}

	private Account openReset(String email, String token) {
		Account account = accounts.findByUsername(Person.normaliseEmail(email))
			.filter(Account::isActivated)
			.filter(candidate -> candidate.getResetTokenHash() != null)
			.orElseThrow(PasswordResets::invalidToken);
		if (!InvitationService.hashMatches(account.getResetTokenHash(), token)) {
			throw invalidToken();
		}
		if (!clock.instant().isBefore(account.getResetExpiresAt())) {
			throw BadRequestException.field("token",
					"This password reset link has expired. Ask for a new one on the sign-in page.");
		}
		return account;
	}

	static List<String> personalWords(Account account) {
		Person person = account.getPerson();
		return person == null ? List.of(account.getUsername(), account.getDisplayName())
				: List.of(account.getUsername(), person.getFirstName(), person.getLastName());
	}

	private static BadRequestException invalidToken() {
		return BadRequestException.field("token",
				"This password reset link is not valid or was already used. Ask for a new one on the sign-in page.");
	}

	private static String describe(long minutes) {
		if (minutes % 60 == 0) {
			long hours = minutes / 60;
			return hours == 1 ? "1 hour" : hours + " hours";
		}
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

}
