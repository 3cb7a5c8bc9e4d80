package org.mmpcase.registration;

import org.mmpcase.shared.NotFoundException;

/** No such application, or not the caller's: answered alike (404). */
public class CaseNotFoundException extends NotFoundException {

	public CaseNotFoundException(String applicationNumber) {
		super("No application " + applicationNumber + " for you");
	}

}
