package org.mmpcase.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.mmpcase.registration.Person;
import org.mmpcase.shared.BadRequestException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites a patient or caregiver (an account without a password and a one-time code e-mailed to them) and
 * activates the account when they come back with the code. Only a hash of the code is stored.
 */
@Service
public class InvitationService {

	static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final TransactionTemplate transaction;

	InvitationService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * @return the invitation code to e-mail, or empty when the person already has an active account
	 */
	@Transactional
	public Optional<String> invite(Person person, Account.Role role) {
		Instant now = clock.instant();
		String code = newCode();
		Optional<Account> existing = accounts.findByUsername(person.getEmail());
		if (existing.isPresent()) {
			if (existing.get().isActivated()) {
				return Optional.empty();
			}
			existing.get().reinvite(hash(code), now.plus(INVITATION_VALIDITY));
			return Optional.of(code);
		}
		accounts.save(Account.invited(person, role, hash(code), now.plus(INVITATION_VALIDITY), now));
		return Optional.of(code);
	}

	/**
	 * The invitation is checked, then the password hashed outside any transaction (bcrypt is slow on purpose: a
	 * database connection held meanwhile is one the other requests wait for, and 200 activations at once ran the
	 * pool dry), then checked again and stored in a short transaction, so a code used meanwhile still works once.
	 */
	public void activate(String email, String invitationCode, String password) {
		List<String> personalWords = transaction
			.execute(status -> PasswordResets.personalWords(openInvitation(email, invitationCode)));
		policy.check(password, personalWords);
		String passwordHash = passwordEncoder.encode(password);
		transaction.executeWithoutResult(
				status -> openInvitation(email, invitationCode).activate(passwordHash, clock.instant()));
	}

	private Account openInvitation(String email, String invitationCode) {
		Account account = accounts.findByUsername(Person.normaliseEmail(email))
			.filter(candidate -> !candidate.isActivated() && candidate.getInvitationCodeHash() != null)
			.orElseThrow(InvitationService::invalidInvitation);
		if (!hashMatches(account.getInvitationCodeHash(), invitationCode)) {
			throw invalidInvitation();
		}
		if (!clock.instant().isBefore(account.getInvitationExpiresAt())) {
			throw BadRequestException.field("invitationCode",
					"This invitation has expired. Ask for a new activation link, or ask your provider.");
		}
		return account;
	}

	private static BadRequestException invalidInvitation() {
		return BadRequestException.field("invitationCode",
				"This e-mail address and invitation code do not match an open invitation.");
	}

	private static String newCode() {
		byte[] bytes = new byte[5];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/** Whether {@code code} as typed (surrounding spaces ignored) is the one whose {@link #hash} is stored. */
	static boolean hashMatches(String storedHash, String code) {
		return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
				hash(code == null ? "" : code.trim()).getBytes(StandardCharsets.US_ASCII));
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
