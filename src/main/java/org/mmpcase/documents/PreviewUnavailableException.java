package org.mmpcase.documents;

import java.time.Duration;

/**
 * No preview can be made of a document, or of one page of it. The message is for the reviewer and always points
 * to the original file, which can still be opened: a missing preview never hides a document.
 */
public class PreviewUnavailableException extends RuntimeException {

	/** More pages than {@code mmp.documents.preview.max-pages}. */
	public static final String TOO_MANY_PAGES = "TOO_MANY_PAGES";

	/** A page too large to render even at the lowest resolution, or holding an image too large to decode. */
	public static final String PAGE_TOO_LARGE = "PAGE_TOO_LARGE";

	/** PDFBox cannot open or render it. */
	public static final String DAMAGED = "DAMAGED";

	/** Rendering took longer than {@code mmp.documents.preview.timeout}. */
	public static final String TIMEOUT = "TIMEOUT";

	/** The stored file is missing or no longer matches the checksum recorded at upload. */
	public static final String UNREADABLE = "UNREADABLE";

	/** Neither a PDF nor a JPEG or PNG photo. */
	public static final String NOT_PREVIEWABLE = "NOT_PREVIEWABLE";

	private static final String OFFER_ORIGINAL = " Open the original file instead.";

	private final String reason;

	public PreviewUnavailableException(String reason, String message) {
		this(reason, message, null);
	}

	/** @param cause what PDFBox or the storage reported, for the log; never shown to the reviewer */
	PreviewUnavailableException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** One of the constants above. */
	public String reason() {
		return reason;
	}

	static PreviewUnavailableException tooManyPages(int pages, int maxPages) {
		return new PreviewUnavailableException(TOO_MANY_PAGES, "This PDF has " + pages
				+ " pages; previews are made for at most " + maxPages + "." + OFFER_ORIGINAL);
	}

	static PreviewUnavailableException pageTooLarge(int page, String what) {
		return new PreviewUnavailableException(PAGE_TOO_LARGE,
				"Page " + page + " of this PDF " + what + ", too large to preview." + OFFER_ORIGINAL);
	}

	static PreviewUnavailableException damaged(Throwable cause) {
		return new PreviewUnavailableException(DAMAGED,
				"This PDF is damaged: no preview could be made of it." + OFFER_ORIGINAL, cause);
	}

	static PreviewUnavailableException damaged(int page, Throwable cause) {
		return new PreviewUnavailableException(DAMAGED,
				"Page " + page + " of this PDF is damaged: no preview could be made of it." + OFFER_ORIGINAL, cause);
	}

	static PreviewUnavailableException timeout(int page, Duration timeout) {
		long seconds = timeout.toSeconds();
		String limit = seconds >= 1 ? seconds + (seconds == 1 ? " second" : " seconds") : timeout.toMillis() + " ms";
		return new PreviewUnavailableException(TIMEOUT, "Page " + page + " of this PDF took longer than " + limit
				+ " to prepare, so no preview is shown." + OFFER_ORIGINAL);
	}

	static PreviewUnavailableException unreadable(Throwable cause) {
		// the original is read from the same storage: if it fails too, the reviewer has something to report
		return new PreviewUnavailableException(UNREADABLE, "The stored file is missing or has changed since it was"
				+ " uploaded, so no preview is shown; please tell an administrator." + OFFER_ORIGINAL, cause);
	}

	static PreviewUnavailableException notPreviewable(String type) {
		return new PreviewUnavailableException(NOT_PREVIEWABLE,
				(type == null ? "Files of an unknown type" : "Files of type " + type) + " are not previewed."
						+ OFFER_ORIGINAL);
	}

}
