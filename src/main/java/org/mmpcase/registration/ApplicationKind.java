package org.mmpcase.registration;

import java.util.Locale;

/**
 * Initial registration or renewal; the lower-case name is the fee schedule's input. A {@code CHANGE} is a change of
 * name or address the holder of a registration reported (module change): reviewed like an application, never charged
 * (its process has no fee step).
 */
public enum ApplicationKind {

	INITIAL, RENEWAL, CHANGE;

	public String variableValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
