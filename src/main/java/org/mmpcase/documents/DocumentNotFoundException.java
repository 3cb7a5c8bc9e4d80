package org.mmpcase.documents;

/** No such document in this application: 404. */
public class DocumentNotFoundException extends RuntimeException {

	DocumentNotFoundException(long documentId) {
		super("No document " + documentId + " in this application");
	}

}
