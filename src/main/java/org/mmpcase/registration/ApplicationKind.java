package org.mmpcase.registration;

import java.util.Locale;

/** Initial registration or renewal; the lower-case name is the fee schedule's input. */
public enum ApplicationKind {

	INITIAL, RENEWAL;

	public String variableValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
