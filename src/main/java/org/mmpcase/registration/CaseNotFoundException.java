package org.mmpcase.registration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such application, or not the caller's: answered alike (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {

	public CaseNotFoundException(String applicationNumber) {
		super("No application " + applicationNumber + " for you");
	}

}
