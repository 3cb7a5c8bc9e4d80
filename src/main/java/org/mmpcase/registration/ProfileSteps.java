package org.mmpcase.registration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.mmpcase.shared.BadRequestException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the profile steps that the forms cannot express. */
@Configuration(proxyBeanMethods = false)
class ProfileSteps {

	/** Confirm the profile, or say what is wrong with it (then the correction is required). */
	@Bean
	StepHandler confirmProfileStep() {
		return step(InitialRegistrationProcess.TASK_CONFIRM_PROFILE, (application, values) -> {
			boolean confirmed = Boolean.TRUE.equals(values.get(CaseVariables.PROFILE_CONFIRMED));
			Object correction = values.get(CaseVariables.CORRECTION_REQUEST);
			if (!confirmed && correction == null) {
				throw BadRequestException.field(CaseVariables.CORRECTION_REQUEST,
						"Tell us what needs to be corrected, or tick that the details are correct.");
			}
			// only the decision: the profile the form shows is in our tables (CaseFormValues)
			Map<String, Object> variables = new HashMap<>();
			variables.put(CaseVariables.PROFILE_CONFIRMED, confirmed);
			if (!confirmed) {
				variables.put(CaseVariables.CORRECTION_REQUEST, correction);
			}
			if (values.containsKey(CaseVariables.DOCUMENTS_CHANGED) || application.getKind() == ApplicationKind.RENEWAL) {
				variables.put(CaseVariables.DOCUMENTS_CHANGED,
						Boolean.TRUE.equals(values.get(CaseVariables.DOCUMENTS_CHANGED)));
			}
			return variables;
		});
	}

	/** The provider corrects the profile; the date of birth must be a real date in the past. */
	@Bean
	StepHandler correctProfileStep() {
		return step(InitialRegistrationProcess.TASK_CORRECT_PROFILE, (application, values) -> {
			try {
				LocalDate dateOfBirth = LocalDate.parse((String) values.get(CaseVariables.DATE_OF_BIRTH));
				if (dateOfBirth.isAfter(LocalDate.now())) {
					throw BadRequestException.field(CaseVariables.DATE_OF_BIRTH,
							"The date of birth cannot be in the future.");
				}
			}
			catch (DateTimeParseException ex) {
				throw BadRequestException.field(CaseVariables.DATE_OF_BIRTH, "Enter a real date as YYYY-MM-DD.");
			}
			return values;
		});
	}

	/**
	 * Every attestation must be agreed to. They are kept on the case (when), not as variables: the completed task in
	 * the engine's history says who signed.
	 */
	@Bean
	StepHandler signAttestationsStep(java.time.Clock clock) {
		return step(InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS, (application, values) -> {
			Map<String, String> missing = new HashMap<>();
			for (String attestation : CaseVariables.ATTESTATIONS) {
				if (!Boolean.TRUE.equals(values.get(attestation))) {
					missing.put(attestation, "You must agree to this to submit the application.");
				}
			}
			if (!missing.isEmpty()) {
				throw new BadRequestException("All attestations are required.", missing);
			}
			application.attested(clock.instant());
			return Map.of();
		});
	}

	/** The declared document types are kept on the case (only), for the reviewer and the document check. */
	@Bean
	StepHandler chooseDocumentTypesStep() {
		return step(InitialRegistrationProcess.TASK_CHOOSE_DOCUMENT_TYPES, (application, values) -> {
			application.chooseDocumentTypes((String) values.get(CaseVariables.IDENTITY_DOCUMENT_TYPE),
					(String) values.get(CaseVariables.RESIDENCY_DOCUMENT_TYPE));
			return Map.of();
		});
	}

	static StepHandler step(String taskDefinitionKey,
			java.util.function.BiFunction<Application, Map<String, Object>, Map<String, Object>> rules) {
		return new StepHandler() {
			@Override
			public String taskDefinitionKey() {
				return taskDefinitionKey;
			}

			@Override
			public Map<String, Object> complete(Application application, Map<String, Object> formData) {
				return rules.apply(application, formData);
			}
		};
	}

}
