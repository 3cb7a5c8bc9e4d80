package org.mmpcase.registration;

import java.util.Locale;

/** Patient or caregiver; the lower-case name is the fee schedule's input. */
public enum ApplicantRole {

	PATIENT, CAREGIVER;

	public String variableValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
