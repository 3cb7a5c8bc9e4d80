package org.mmpcase.registration;

import java.util.Map;

/**
 * Turns the form data of one applicant step into the variables the task completes with, applying the business
 * rules of that step. The form schema (required fields, patterns, allowed values) is checked before; a handler
 * throws {@link org.mmpcase.shared.BadRequestException} for what the form cannot express, and may save to the
 * case in the same transaction as the completion.
 */
public interface StepHandler {

	/** The task definition key (element id) this handler is for, e.g. {@code Task_EnterPayment}. */
	String taskDefinitionKey();

	/**
	 * @param application the case, owned by the caller
	 * @param formData the submitted values, already checked against the form
	 * @return the variables to complete the task with (only these are stored)
	 */
	Map<String, Object> complete(Application application, Map<String, Object> formData);

}
