package org.mmpcase.documents;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides whether an uploaded file can be accepted as a proof document. The type is detected from the bytes only:
 * the file name and the browser's Content-Type are whatever the sender says they are.
 */
public class DocumentCheck {

	/** Why a file was refused; the code goes to the API and to the case, the message to the applicant. */
	public enum Reason {
		EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, EXTENSION_MISMATCH
	}

	public record Result(String detectedType, Reason reason, String message) {

		public boolean accepted() {
			return reason == null;
		}

	}

	/** Names a person recognises, for the messages. */
	private static final Map<String, String> FRIENDLY = Map.of("application/pdf", "a PDF", "image/jpeg",
			"a JPEG photo", "image/png", "a PNG image", "image/heic", "a HEIC photo", "image/heif", "a HEIF photo");

	/** A phone's HEIC photo may be detected as its parent type HEIF and vice versa: one family, either extension. */
	private static final Set<String> HEIF_FAMILY = Set.of("image/heic", "image/heif");

	private static final Set<String> HEIF_EXTENSIONS = Set.of("heic", "heif");

	private static final TikaConfig TIKA_CONFIG = TikaConfig.getDefaultConfig();

	private final Tika tika = new Tika(TIKA_CONFIG);

	private final long maxBytes;

	private final Set<String> allowedTypes;

	public DocumentCheck(long maxBytes, List<String> allowedTypes) {
		this.maxBytes = maxBytes;
		this.allowedTypes = new HashSet<>();
		allowedTypes.forEach(type -> this.allowedTypes.add(type.trim().toLowerCase(Locale.ROOT)));
	}

	/**
	 * @param filename the (sanitised) name the applicant gave the file, only to compare its extension; may be null
	 */
	public Result check(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			return new Result(null, Reason.EMPTY,
					"The file is empty. Choose the file again, or scan or photograph the document again.");
		}
		if (content.length > maxBytes) {
			return new Result(null, Reason.TOO_LARGE, "The file is larger than " + megabytes(maxBytes)
					+ ". Upload a smaller scan, or a photo taken at a lower resolution.");
		}
		String detected = tika.detect(content);
		if (!allowedTypes.contains(detected)) {
			return new Result(detected, Reason.TYPE_NOT_ALLOWED,
					"This kind of file cannot be accepted. Upload a PDF or a photo (JPEG, PNG or HEIC) of the document.");
		}
		String extension = extensionOf(filename);
		if (extension != null && !extensionFits(extension, detected)) {
			return new Result(detected, Reason.EXTENSION_MISMATCH,
					"The file name ends in ." + extension + " but the file is " + FRIENDLY.getOrDefault(detected, detected)
							+ ". Save or export it again so that the name matches its content, then upload it.");
		}
		return new Result(detected, null, null);
	}

	static String extensionOf(String filename) {
		if (filename == null) {
			return null;
		}
		int dot = filename.lastIndexOf('.');
		if (dot <= 0 || dot == filename.length() - 1) {
			return null;
		}
		return filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean extensionFits(String extension, String detectedType) {
		if (HEIF_FAMILY.contains(detectedType)) {
			return HEIF_EXTENSIONS.contains(extension);
		}
		try {
			MimeType type = MimeTypes.getDefaultMimeTypes().forName(detectedType);
			return type.getExtensions().contains("." + extension);
		}
		catch (MimeTypeException ex) {
			return false;
		}
	}

	private static String megabytes(long bytes) {
		if (bytes >= 1024 * 1024) {
			return bytes / (1024 * 1024) + " MB";
		}
		return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

}
