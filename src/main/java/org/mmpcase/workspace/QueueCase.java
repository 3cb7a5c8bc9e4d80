package org.mmpcase.workspace;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.mmpcase.documents.Document;
import org.mmpcase.registration.Application;

/**
 * What a queue row shows of its case, copied when the task is created: the applicant, the kind of application and
 * one line on what the document check found ("Identity: name found. Residency: no text (a photo).").
 */
record QueueCase(String applicantName, String kind, String role, Instant submittedAt, String documentSummary) {

	static final int MAX_SUMMARY = 400;

	static final QueueCase UNKNOWN = new QueueCase(null, null, null, null, null);

	static QueueCase of(Application application, List<Document> documents) {
		return new QueueCase(application.getApplicant().getFullName(), application.getKind().variableValue(),
				application.getApplicantRole().variableValue(), application.getSubmittedAt(), summary(documents));
	}

	static String summary(List<Document> documents) {
		if (documents.isEmpty()) {
			return "No documents on this application.";
		}
		String summary = documents.stream().map(QueueCase::line).collect(Collectors.joining(" "));
		return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
	}

	private static String line(Document document) {
		String category = document.getCategory() == Document.Category.IDENTITY ? "Identity" : "Residency";
		if (document.getCheckStatus() != Document.CheckStatus.ACCEPTED) {
			return category + ": check failed.";
		}
		if (!document.hasTextLayer()) {
			return category + ": no text (" + (document.getDetectedType() != null
					&& document.getDetectedType().startsWith("image/") ? "a photo" : "a scan") + ").";
		}
		boolean name = Boolean.TRUE.equals(document.getNameFound());
		boolean address = Boolean.TRUE.equals(document.getAddressFound());
		if (name && address) {
			return category + ": name and address found.";
		}
		if (!name && !address) {
			return category + ": name and address not found.";
		}
		return category + ": " + (name ? "name found, address not found." : "address found, name not found.");
	}

}
