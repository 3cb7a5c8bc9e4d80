package org.mmpcase.documents;

/** A page number outside 1 to the document's page count: 404. */
public class NoSuchPageException extends RuntimeException {

	NoSuchPageException(int page, int pages) {
		super("No page " + page + ": this document has " + pages + (pages == 1 ? " page." : " pages."));
	}

}
