package org.mmpcase.account;

import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient or caregiver who lost the invitation, or let it expire, asks for a new one: a new code and link (the old
 * one stops working), sent for their latest application. Nothing happens for an unknown address or an account that
 * is already active, and the caller learns nothing about which it was.
 */
@Service
public class ActivationLinks {

	private final AccountRepository accounts;

	private final ApplicationRepository applications;

	private final Invitations invitations;

	ActivationLinks(AccountRepository accounts, ApplicationRepository applications, Invitations invitations) {
		this.accounts = accounts;
		this.applications = applications;
		this.invitations = invitations;
	}

	/** @return whether an invitation was sent (for the log; never for the caller) */
	@Transactional
	public boolean resend(String email) {
		return accounts.findByUsername(Person.normaliseEmail(email))
			.filter(account -> !account.isActivated() && account.getPerson() != null
					&& account.getRole() != Account.Role.PROVIDER)
			.flatMap(account -> applications.findByApplicantOrderByCreatedAtDesc(account.getPerson())
				.stream()
				.findFirst()
				.map(application -> invitations.invite(account.getPerson(), account.getRole(), application)))
			.orElse(false);
	}

}
