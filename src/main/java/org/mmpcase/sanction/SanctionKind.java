package org.mmpcase.sanction;

import java.util.Arrays;
import java.util.Optional;

import org.mmpcase.certificate.RegistrationEvent.Action;

/** What DCP does to a registration: suspend it (for a time, or until lifted) or revoke it (final). */
public enum SanctionKind {

	SUSPENSION("suspend", "Suspension", Action.SUSPENSION_PROPOSED, Action.SUSPENSION_APPROVED,
			Action.SUSPENSION_REJECTED, "registration-suspended"),
	REVOCATION("revoke", "Revocation", Action.REVOCATION_PROPOSED, Action.REVOCATION_APPROVED,
			Action.REVOCATION_REJECTED, "registration-revoked");

	private final String value;

	private final String label;

	private final Action proposed;

	private final Action approved;

	private final Action rejected;

	private final String emailTemplate;

	SanctionKind(String value, String label, Action proposed, Action approved, Action rejected,
			String emailTemplate) {
		this.value = value;
		this.label = label;
		this.proposed = proposed;
		this.approved = approved;
		this.rejected = rejected;
		this.emailTemplate = emailTemplate;
	}

	/** By the value of the propose form's radio ({@code suspend}, {@code revoke}). */
	public static Optional<SanctionKind> of(Object value) {
		return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
	}

	/** The value the form and the process variable {@link SanctionProcess#KIND} use. */
	public String value() {
		return value;
	}

	public String label() {
		return label;
	}

	Action proposed() {
		return proposed;
	}

	Action approved() {
		return approved;
	}

	Action rejected() {
		return rejected;
	}

	/** The e-mail that tells the holder (and a caregiver whose registration followed). */
	public String emailTemplate() {
		return emailTemplate;
	}

}
