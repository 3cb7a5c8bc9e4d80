package org.mmpcase.documents;

import java.util.Map;

import org.mmpcase.shared.BadRequestException;

/** An upload that failed the check: nothing was stored. The reason code tells a client which case it is. */
public class DocumentRejectedException extends BadRequestException {

	private final DocumentCheck.Reason reason;

	DocumentRejectedException(DocumentCheck.Result result) {
		super(result.message(), Map.of("file", result.message()));
		this.reason = result.reason();
	}

	public DocumentCheck.Reason getReason() {
		return reason;
	}

}
