package org.mmpcase.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The case data a form shows, read from our tables by the form's field keys: the profile, the certification, the
 * choices and the attestations live in {@link Person}, {@link Certification} and {@link Application}, not in process
 * variables (issue 14). The portal's step and answers endpoints and the provider's tasks fill a form with these (the
 * reviewer workspace reads the same tables for its case screen); a key not listed here (a decision field, a
 * reviewer's question) is a process variable.
 */
public final class CaseFormValues {

	/** The profile keys of confirm-profile, confirm-renewal-profile and correct-profile. */
	public static final List<String> PROFILE = List.of(CaseVariables.FIRST_NAME, CaseVariables.LAST_NAME,
			CaseVariables.DATE_OF_BIRTH, CaseVariables.EMAIL, CaseVariables.STREET, CaseVariables.CITY,
			CaseVariables.ZIP);

	/**
	 * Every key this class answers: the variables a case carried before issue 14 that our tables hold. These are the
	 * names the migration of running instances removes from them.
	 */
	public static final Set<String> KEYS = java.util.stream.Stream
		.of(PROFILE, List.of(CaseVariables.APPLICANT_NAME, CaseVariables.CERTIFICATION_DATE,
				CaseVariables.CERTIFICATION_TERM_MONTHS, CaseVariables.DISPENSARY_CODE,
				CaseVariables.IDENTITY_DOCUMENT_TYPE, CaseVariables.RESIDENCY_DOCUMENT_TYPE), CaseVariables.ATTESTATIONS)
		.flatMap(List::stream)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private CaseFormValues() {
	}

	/** The values of {@code keys} that the case holds (a key it has no value for is left out). */
	public static Map<String, Object> of(Application application, Collection<String> keys) {
		Map<String, Object> all = all(application);
		Map<String, Object> values = new TreeMap<>();
		for (String key : keys) {
			Object value = all.get(key);
			if (value != null) {
				values.put(key, value);
			}
		}
		return values;
	}

	/** The profile of a person as the profile forms show it (dates as ISO text). */
	public static Map<String, Object> profile(Person person) {
		Map<String, Object> values = new HashMap<>();
		values.put(CaseVariables.FIRST_NAME, person.getFirstName());
		values.put(CaseVariables.LAST_NAME, person.getLastName());
		values.put(CaseVariables.DATE_OF_BIRTH, person.getDateOfBirth().toString());
		values.put(CaseVariables.EMAIL, person.getEmail());
		values.put(CaseVariables.STREET, person.getStreet());
		values.put(CaseVariables.CITY, person.getCity());
		values.put(CaseVariables.ZIP, person.getZip());
		values.put(CaseVariables.APPLICANT_NAME, person.getFullName());
		return values;
	}

	private static Map<String, Object> all(Application application) {
		Map<String, Object> values = profile(application.getApplicant());
		values.put(CaseVariables.APPLICATION_NUMBER, application.getApplicationNumber());
		Certification certification = application.getCertification();
		values.put(CaseVariables.CERTIFICATION_DATE, certification.getCertificationDate().toString());
		values.put(CaseVariables.CERTIFICATION_TERM_MONTHS, certification.getTermMonths());
		values.put(CaseVariables.DISPENSARY_CODE, application.getDispensaryCode());
		values.put(CaseVariables.IDENTITY_DOCUMENT_TYPE, application.getIdentityDocumentType());
		values.put(CaseVariables.RESIDENCY_DOCUMENT_TYPE, application.getResidencyDocumentType());
		if (application.getAttestedAt() != null) {
			CaseVariables.ATTESTATIONS.forEach(attestation -> values.put(attestation, Boolean.TRUE));
		}
		return values;
	}

}
