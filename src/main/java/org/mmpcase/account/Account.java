package org.mmpcase.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Person;

/**
 * A login for the app's API: a patient, a caregiver or a provider. DCP staff are Camunda users instead. A patient
 * or caregiver account is created with an invitation code and gets its password when it is activated.
 */
@Entity
public class Account {

	public enum Role {
		PATIENT, CAREGIVER, PROVIDER
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String displayName;

	private String passwordHash;

	@ManyToOne
	@JoinColumn(name = "person_id")
	private Person person;

	private String invitationCodeHash;

	private Instant invitationExpiresAt;

	private Instant activatedAt;

	private Instant createdAt;

	private String resetTokenHash;

	private Instant resetExpiresAt;

	private Instant passwordChangedAt;

	protected Account() {
	}

	private Account(String username, Role role, String displayName, Person person, Instant createdAt) {
		this.username = Person.normaliseEmail(username);
		this.role = role;
		this.displayName = displayName;
		this.person = person;
		this.createdAt = createdAt;
	}

	public static Account invited(Person person, Role role, String invitationCodeHash, Instant expiresAt,
			Instant now) {
		Account account = new Account(person.getEmail(), role, person.getFullName(), person, now);
		account.invitationCodeHash = invitationCodeHash;
		account.invitationExpiresAt = expiresAt;
		return account;
	}

	public static Account provider(String username, String displayName, String passwordHash, Instant now) {
		Account account = new Account(username, Role.PROVIDER, displayName, null, now);
		account.passwordHash = passwordHash;
		account.activatedAt = now;
		return account;
	}

	public void reinvite(String invitationCodeHash, Instant expiresAt) {
		this.invitationCodeHash = invitationCodeHash;
		this.invitationExpiresAt = expiresAt;
	}

	public void activate(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.activatedAt = now;
		this.passwordChangedAt = now;
		this.invitationCodeHash = null;
		this.invitationExpiresAt = null;
	}

	/** A new reset token; any earlier one stops working. */
	public void requestReset(String tokenHash, Instant expiresAt) {
		this.resetTokenHash = tokenHash;
		this.resetExpiresAt = expiresAt;
	}

	/** The new password of a reset: the token is used up, and sessions signed in before now end. */
	public void resetPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.resetTokenHash = null;
		this.resetExpiresAt = null;
	}

	public String getResetTokenHash() {
		return resetTokenHash;
	}

	public Instant getResetExpiresAt() {
		return resetExpiresAt;
	}

	public Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	public boolean isActivated() {
		return activatedAt != null;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public Role getRole() {
		return role;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public Person getPerson() {
		return person;
	}

	public String getInvitationCodeHash() {
		return invitationCodeHash;
	}

	public Instant getInvitationExpiresAt() {
		return invitationExpiresAt;
	}

}
