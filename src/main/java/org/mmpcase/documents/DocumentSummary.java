package org.mmpcase.documents;

import java.util.List;
import java.util.Locale;

/**
 * The documents of a case as Markdown for the review form (a text component renders {@code documentSummary}): what
 * was sent, what the check found, the text hint, and a link to open the file. Everything the applicant chose (file
 * names) is escaped, so that a file name cannot turn into a link or markup in the reviewer's browser.
 */
final class DocumentSummary {

	private static final String HINT_NOTE = " (a hint, not a decision)";

	/** Camunda keeps a string variable in a 4000-character column. */
	private static final int MAX_LENGTH = 3900;

	private DocumentSummary() {
	}

	static String markdown(List<Document> documents, String publicUrl) {
		if (documents.isEmpty()) {
			return "No documents uploaded to this application.";
		}
		StringBuilder md = new StringBuilder();
		for (Document document : documents) {
			String category = document.getCategory().label();
			md.append("**").append(Character.toUpperCase(category.charAt(0))).append(category.substring(1))
				.append("**: ").append(escape(document.getDeclaredType() == null ? "type not chosen"
						: document.getDeclaredType()))
				.append("\n\n");
			md.append("- File: ").append(escape(document.getOriginalFilename())).append(" (")
				.append(escape(document.getDetectedType())).append(", ").append(size(document.getSizeBytes()))
				.append(")\n");
			md.append("- Check: ").append(checkResult(document)).append('\n');
			md.append("- Text: ").append(hint(document)).append('\n');
			md.append("- [Open the document](").append(publicUrl).append("/review/documents/")
				.append(document.getId()).append(")\n\n");
		}
		String summary = md.toString().strip();
		return summary.length() <= MAX_LENGTH ? summary
				: summary.substring(0, MAX_LENGTH - 40) + "\n\n(list shortened: see the application)";
	}

	private static String checkResult(Document document) {
		if (document.getCheckStatus() == Document.CheckStatus.ACCEPTED) {
			return "passed";
		}
		return "failed (" + escape(String.valueOf(document.getCheckReason())) + ")";
	}

	private static String hint(Document document) {
		if (!document.hasTextLayer()) {
			return DocumentCheck.PDF.equals(document.getDetectedType())
					? "no text layer (a scan): compare name and address yourself"
					: "no text layer (a photo): compare name and address yourself";
		}
		return "name found: " + yesNo(document.getNameFound()) + ", street/ZIP found: "
				+ yesNo(document.getAddressFound()) + HINT_NOTE;
	}

	private static String yesNo(Boolean value) {
		return Boolean.TRUE.equals(value) ? "yes" : "no";
	}

	private static String size(long bytes) {
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
		}
		return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

	/** Backslash before every character Markdown (or the form's templating) could read as syntax. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ("\\`*_{}[]()<>#+-.!|~&\"'=:".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c == '\n' || c == '\r' ? ' ' : c);
		}
		return escaped.toString();
	}

}
