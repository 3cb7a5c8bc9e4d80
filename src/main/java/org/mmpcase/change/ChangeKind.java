package org.mmpcase.change;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.mmpcase.documents.Document;

/** What a holder reports, and the proof it needs: a new address (proof of residency) or a new name (of identity). */
public enum ChangeKind {

	ADDRESS(Document.Category.RESIDENCY), NAME(Document.Category.IDENTITY);

	private final Document.Category proof;

	ChangeKind(Document.Category proof) {
		this.proof = proof;
	}

	public Document.Category proof() {
		return proof;
	}

	/** {@code address} or {@code name}, as the API and the process variable write it. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ChangeKind> parse(String value) {
		return Arrays.stream(values()).filter(kind -> kind.apiName().equals(value)).findFirst();
	}

}
