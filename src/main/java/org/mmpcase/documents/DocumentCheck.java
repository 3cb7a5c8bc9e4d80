package org.mmpcase.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides whether an uploaded file can be accepted as a proof document, and prepares the bytes to keep. The type is
 * detected from the bytes only: the file name and the browser's Content-Type are whatever the sender says they are.
 * After the type, the content itself is inspected (PDF structure, image headers) without rendering or decoding it,
 * so that the check costs about as much as reading the file.
 */
public class DocumentCheck {

	/** Why a file was refused; the code goes to the API and to the case, the message to the applicant. */
	public enum Reason {
		EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, EXTENSION_MISMATCH, HEIC_NOT_SUPPORTED, ARCHIVE, OFFICE_DOCUMENT,
		WEB_CONTENT, EXECUTABLE, POLYGLOT, CORRUPT, IMAGE_TOO_LARGE, PDF_ENCRYPTED, PDF_JAVASCRIPT, PDF_LAUNCH_ACTION,
		PDF_EMBEDDED_FILE
	}

	/**
	 * The outcome. When accepted, {@code content} holds the bytes to store: for images without their metadata (the
	 * pixels untouched), for PDFs as sent.
	 */
	public record Result(String detectedType, Reason reason, String message, byte[] content) {

		Result(String detectedType, Reason reason, String message) {
			this(detectedType, reason, message, null);
		}

		public boolean accepted() {
			return reason == null;
		}

	}

	public static final String PDF = "application/pdf";

	public static final String JPEG = "image/jpeg";

	public static final String PNG = "image/png";

	/** The types whose content this class can inspect in depth; the configuration may allow fewer, not more. */
	public static final Set<String> INSPECTABLE = Set.of(PDF, JPEG, PNG);

	/** Names a person recognises, for the messages. */
	private static final Map<String, String> FRIENDLY = Map.of(PDF, "a PDF", JPEG, "a JPEG photo", PNG,
			"a PNG image");

	private static final Set<String> HEIF_FAMILY = Set.of("image/heic", "image/heif", "image/heic-sequence",
			"image/heif-sequence", "image/avif");

	/** Matched against the detected type and every type it specialises (a .docx is also a ZIP to Tika). */
	private static final Set<String> OFFICE = Set.of("application/x-tika-msoffice", "application/x-tika-ooxml",
			"application/x-tika-ooxml-protected", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-powerpoint", "application/vnd.ms-outlook", "application/rtf",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.graphics",
			"application/x-vnd.oasis.opendocument.text", "application/vnd.apple.pages",
			"application/vnd.apple.numbers", "application/vnd.apple.keynote", "application/vnd.visio",
			"application/vnd.ms-xpsdocument", "application/x-mspublisher");

	private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-rar-compressed",
			"application/vnd.rar", "application/x-7z-compressed", "application/x-tar", "application/gzip",
			"application/x-gzip", "application/x-bzip", "application/x-bzip2", "application/x-xz", "application/zstd",
			"application/x-lzma", "application/x-lzip", "application/x-compress", "application/x-archive",
			"application/x-cpio", "application/x-iso9660-image", "application/vnd.ms-cab-compressed",
			"application/x-arj", "application/x-lha", "application/x-lzh", "application/x-ace-compressed",
			"application/x-xar", "application/x-apple-diskimage", "application/x-stuffit",
			"application/x-gtar", "application/java-archive", "application/x-java-pack200", "application/x-rpm",
			"application/x-debian-package", "application/vnd.android.package-archive");

	private static final Set<String> WEB = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
			"application/xml", "text/xml", "application/x-shockwave-flash", "message/rfc822",
			"multipart/related", "application/x-mimearchive");

	private static final Set<String> EXECUTABLES = Set.of("application/x-msdownload", "application/x-dosexec",
			"application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-object",
			"application/x-coredump", "application/x-mach-o", "application/x-mach-o-executable",
			"application/x-mach-o-dylib", "application/x-mach-o-bundle", "application/java-vm",
			"application/x-msdos-program", "application/x-ms-installer", "application/x-msi",
			"application/vnd.microsoft.portable-executable", "application/x-sh", "application/x-csh",
			"application/x-bat", "application/javascript", "text/javascript", "application/x-python",
			"text/x-python", "application/x-perl", "text/x-perl", "application/x-php", "text/x-php",
			"text/x-ruby", "application/x-ruby", "text/x-powershell", "application/x-powershell", "text/x-vbscript",
			"text/x-vbasic", "application/x-ms-shortcut", "application/x-java-jnlp-file", "application/wasm",
			"application/x-bytecode.python", "application/x-ms-wim");

	/**
	 * Tika's default configuration loads every parser and detector of the standard package (about half a second):
	 * loaded on first use, and warmed in the background once the app has started ({@link #warmUp()}), so it is not
	 * on the start-up path.
	 */
	private static final class Tika {

		static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();

		static final MediaTypeRegistry REGISTRY = CONFIG.getMediaTypeRegistry();

		static final Detector DETECTOR = CONFIG.getDetector();

	}

	/** Loads Tika's configuration now, if nothing has yet. */
	static void warmUp() {
		Tika.DETECTOR.getClass();
	}

	private final long maxBytes;

	private final long maxPixels;

	private final Set<String> allowedTypes;

	/**
	 * @param allowedTypes a subset of {@link #INSPECTABLE}: a type the check cannot look inside is not accepted by
	 * configuration alone
	 */
	public DocumentCheck(long maxBytes, long maxPixels, List<String> allowedTypes) {
		this.maxBytes = maxBytes;
		this.maxPixels = maxPixels;
		this.allowedTypes = new HashSet<>();
		allowedTypes.forEach(type -> this.allowedTypes.add(type.trim().toLowerCase(Locale.ROOT)));
		Set<String> unsupported = new HashSet<>(this.allowedTypes);
		unsupported.removeAll(INSPECTABLE);
		if (!unsupported.isEmpty()) {
			throw new IllegalArgumentException("mmp.documents.allowed-types: " + unsupported
					+ " cannot be inspected, so cannot be accepted; choose from " + INSPECTABLE
					+ " (HEIC/HEIF photos are refused with guidance, see README)");
		}
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
		String detected = detect(content);
		Optional<Result> refused = refusedType(detected);
		if (refused.isPresent()) {
			return refused.get();
		}
		String extension = extensionOf(filename);
		if (extension != null && !extensionFits(extension, detected)) {
			return new Result(detected, Reason.EXTENSION_MISMATCH,
					"The file name ends in ." + extension + " but the file is " + FRIENDLY.getOrDefault(detected, detected)
							+ ". Save or export it again so that the name matches its content, then upload it.");
		}
		if (Polyglots.hasSecondSignature(content, detected)) {
			return new Result(detected, Reason.POLYGLOT,
					"This file has another kind of file hidden inside it, so it cannot be accepted. Scan or photograph "
							+ "the document again (or print it to a new PDF) and upload the new file.");
		}
		return PDF.equals(detected) ? checkPdf(content) : checkImage(detected, content);
	}

	String detect(byte[] content) {
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			return Tika.DETECTOR.detect(stream, new Metadata()).getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an uploaded file in memory", ex);
		}
	}

	/** Empty when the type may go on to the content checks. */
	private Optional<Result> refusedType(String detected) {
		if (allowedTypes.contains(detected)) {
			return Optional.empty();
		}
		if (HEIF_FAMILY.contains(detected)) {
			return refuse(detected, Reason.HEIC_NOT_SUPPORTED, "This is a HEIC/HEIF photo (the iPhone's default "
					+ "format), which we cannot accept. Take a screenshot of the photo and upload the screenshot, or "
					+ "export the photo as JPEG. To take JPEG photos from now on: Settings > Camera > Formats > "
					+ "Most Compatible.");
		}
		if (isA(detected, OFFICE)) {
			return refuse(detected, Reason.OFFICE_DOCUMENT, "This is an office document (such as Word or Excel). "
					+ "Save or print it as a PDF, then upload the PDF.");
		}
		if (isA(detected, ARCHIVES)) {
			return refuse(detected, Reason.ARCHIVE, "This is a compressed archive (such as a ZIP file). Upload the "
					+ "document itself: a PDF, or a JPEG or PNG photo.");
		}
		if (isA(detected, WEB)) {
			return refuse(detected, Reason.WEB_CONTENT, "This is a web page or a drawing (HTML, SVG or XML). Print "
					+ "the page to PDF or take a screenshot, then upload that.");
		}
		if (isA(detected, EXECUTABLES)) {
			return refuse(detected, Reason.EXECUTABLE, "This is a program or a script, not a document. Upload a PDF "
					+ "scan or a JPEG or PNG photo of your document.");
		}
		return refuse(detected, Reason.TYPE_NOT_ALLOWED,
				"This kind of file cannot be accepted. Upload a PDF or a photo (JPEG or PNG) of the document.");
	}

	private Result checkPdf(byte[] content) {
		Optional<Reason> problem = PdfInspection.findProblem(content);
		if (problem.isEmpty()) {
			return new Result(PDF, null, null, content);
		}
		String message = switch (problem.get()) {
			case PDF_ENCRYPTED -> "This PDF is protected by a password. Open it, save or print it as a new PDF "
					+ "without a password, and upload that.";
			case PDF_JAVASCRIPT -> "This PDF contains a script (JavaScript), which we cannot accept. Print it to a "
					+ "new PDF (\"Save as PDF\" or \"Microsoft Print to PDF\"), which leaves the script out, and "
					+ "upload that.";
			case PDF_LAUNCH_ACTION -> "This PDF tries to open another program or file, which we cannot accept. "
					+ "Print it to a new PDF (\"Save as PDF\"), and upload that.";
			case PDF_EMBEDDED_FILE -> "This PDF has other files attached inside it, which we cannot accept. Print "
					+ "it to a new PDF (\"Save as PDF\"), which leaves the attachments out, and upload that.";
			default -> corruptMessage();
		};
		return new Result(PDF, problem.get(), message);
	}

	private Result checkImage(String type, byte[] content) {
		ImageMetadata.Stripped stripped;
		try {
			stripped = JPEG.equals(type) ? ImageMetadata.stripJpeg(content) : ImageMetadata.stripPng(content);
		}
		catch (ImageMetadata.MalformedImageException ex) {
			return new Result(type, Reason.CORRUPT, corruptMessage());
		}
		// the header's dimensions are what a decoder would allocate: refuse before anybody decodes it
		if ((long) stripped.width() * stripped.height() > maxPixels) {
			return new Result(type, Reason.IMAGE_TOO_LARGE,
					"The image is too large (" + stripped.width() + " x " + stripped.height() + " pixels; at most "
							+ maxPixels / 1_000_000 + " megapixels). Take the photo at a lower resolution, or "
							+ "resize it, then upload it.");
		}
		return new Result(type, null, null, stripped.content());
	}

	private static String corruptMessage() {
		return "This file is damaged or incomplete and cannot be opened. Scan or photograph the document again and "
				+ "upload the new file.";
	}

	private static Optional<Result> refuse(String detected, Reason reason, String message) {
		return Optional.of(new Result(detected, reason, message));
	}

	private static boolean isA(String detected, Set<String> family) {
		MediaType type = MediaType.parse(detected);
		while (type != null) {
			if (family.contains(type.getBaseType().toString())) {
				return true;
			}
			type = Tika.REGISTRY.getSupertype(type);
		}
		return false;
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
