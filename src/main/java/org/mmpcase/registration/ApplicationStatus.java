package org.mmpcase.registration;

/** Where a case stands, as the applicant and the status page see it. */
public enum ApplicationStatus {

	/** The applicant is working through the steps. */
	IN_PROGRESS,
	/** Submitted, waiting for (or in) DCP review. */
	SUBMITTED,
	/** The reviewer asked the applicant for more information. */
	INFORMATION_REQUESTED,
	APPROVED,
	DENIED,
	/** Never submitted before the certification expired. */
	CLOSED;

	/** Statuses of a case that is still running. */
	public static final java.util.Set<ApplicationStatus> OPEN = java.util.EnumSet.of(IN_PROGRESS, SUBMITTED,
			INFORMATION_REQUESTED);

	public boolean isFinal() {
		return this == APPROVED || this == DENIED || this == CLOSED;
	}

}
