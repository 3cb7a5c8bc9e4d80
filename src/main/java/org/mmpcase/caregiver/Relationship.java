package org.mmpcase.caregiver;

/** How a caregiver is related to the patient; family may care for more than one patient. */
public enum Relationship {

	PARENT, GUARDIAN, CONSERVATOR, SIBLING, OTHER;

	boolean mayCareForSeveral() {
		return this != OTHER;
	}

	boolean mayCareForMinor() {
		return this == PARENT || this == GUARDIAN;
	}

}
