package org.mmpcase.documents;

/** Makes the file name an applicant sent safe to record and to send back in a Content-Disposition header. */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private static final String FALLBACK = "document";

	private FileNames() {
	}

	static String sanitise(String original) {
		if (original == null) {
			return FALLBACK;
		}
		// browsers used to send the full client path (C:\Users\...\scan.pdf): keep the last part only
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints()
			// control characters and NUL, and invisible formatting such as right-to-left overrides that disguise
			// an extension
			.filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.isBlank()) {
			return FALLBACK;
		}
		return truncate(result);
	}

	/** Cuts an overlong name in the middle of its base name so that the extension survives. */
	private static String truncate(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH && name.length() <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		String base = name.substring(0, name.length() - extension.length());
		int keep = MAX_LENGTH - extension.length();
		int end = base.offsetByCodePoints(0, Math.min(keep, base.codePointCount(0, base.length())));
		while (end > 0 && end > keep) {
			end = base.offsetByCodePoints(0, base.codePointCount(0, end) - 1);
		}
		return base.substring(0, end) + extension;
	}

}
