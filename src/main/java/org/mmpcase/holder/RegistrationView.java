package org.mmpcase.holder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A registration as its holder sees it on the portal (docs: holder-api contract). */
record RegistrationView(String registrationNumber, String role, String kind, String standing, LocalDate expiresOn,
		LocalDate suspendedUntil, Holder holder, String patientName, Dispensary dispensary,
		DispensaryChanges dispensaryChanges, Caregiver caregiver, PendingChange pendingChange, List<String> actions) {

	record Holder(String firstName, String lastName, String street, String city, String zip) {
	}

	record Dispensary(String code, String name, String town) {
	}

	record DispensaryChanges(long used, int max, long left, long windowMonths) {
	}

	record Caregiver(String firstName, String lastName, String email, String relationship, String registrationNumber,
			String standing) {
	}

	record PendingChange(String applicationNumber, String kind, Instant submittedAt) {
	}

	static final String CHANGE_ADDRESS = "change-address";
	static final String CHANGE_NAME = "change-name";
	static final String CHANGE_DISPENSARY = "change-dispensary";
	static final String NAME_CAREGIVER = "name-caregiver";
	static final String REPLACE_CAREGIVER = "replace-caregiver";
	static final String REMOVE_CAREGIVER = "remove-caregiver";
	static final String SURRENDER = "surrender";

}
