package org.mmpcase.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Looks inside a PDF without rendering it. Every object reachable from the trailer is visited once (stream contents
 * are not decoded), so JavaScript, launch actions and embedded files are found wherever a reader would find them:
 * the catalog's open action, the names tree, page and form-field actions, link annotations, file attachments.
 */
final class PdfInspection {

	private static final COSName JS = COSName.getPDFName("JS");

	private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

	private static final COSName LAUNCH = COSName.getPDFName("Launch");

	private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");

	private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");

	private static final COSName GO_TO_EMBEDDED = COSName.getPDFName("GoToE");

	private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

	private PdfInspection() {
	}

	/** Empty for a PDF that opens without a password and holds nothing active. */
	static Optional<DocumentCheck.Reason> findProblem(byte[] content) {
		// PDFBox repairs what it can, even half a file; Acrobat wants the end marker in the last 1024 bytes, and a
		// file without it was cut off on its way here
		if (!endsWithEofMarker(content)) {
			return Optional.of(DocumentCheck.Reason.CORRUPT);
		}
		// loading tries the empty user password: a PDF that only restricts printing or copying (owner password,
		// as many bank statements do) opens for everybody and is inspected like any other
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.getNumberOfPages() == 0) {
				return Optional.of(DocumentCheck.Reason.CORRUPT);
			}
			return findActiveContent(document.getDocument().getTrailer());
		}
		catch (InvalidPasswordException ex) {
			return Optional.of(DocumentCheck.Reason.PDF_ENCRYPTED);
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox reports broken structure as IOException and, for some damage, as runtime exceptions
			return Optional.of(DocumentCheck.Reason.CORRUPT);
		}
	}

	private static boolean endsWithEofMarker(byte[] b) {
		for (int i = b.length - EOF_MARKER.length; i >= Math.max(0, b.length - 1024); i--) {
			if (Arrays.equals(b, i, i + EOF_MARKER.length, EOF_MARKER, 0, EOF_MARKER.length)) {
				return true;
			}
		}
		return false;
	}

	private static Optional<DocumentCheck.Reason> findActiveContent(COSDictionary trailer) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> pending = new ArrayDeque<>();
		pending.push(trailer);
		while (!pending.isEmpty()) {
			COSBase next = pending.pop();
			if (next instanceof COSObject reference) {
				next = reference.getObject();
			}
			if (next == null || !seen.add(next)) {
				continue;
			}
			if (next instanceof COSDictionary dictionary) {
				Optional<DocumentCheck.Reason> problem = problemOf(dictionary);
				if (problem.isPresent()) {
					return problem;
				}
				dictionary.getValues().forEach(pending::push);
			}
			else if (next instanceof COSArray array) {
				array.forEach(pending::push);
			}
		}
		return Optional.empty();
	}

	private static Optional<DocumentCheck.Reason> problemOf(COSDictionary dictionary) {
		COSName subtype = dictionary.getCOSName(COSName.S);
		if (dictionary.containsKey(JS) || JAVASCRIPT.equals(subtype) || dictionary.containsKey(JAVASCRIPT)) {
			return Optional.of(DocumentCheck.Reason.PDF_JAVASCRIPT);
		}
		if (LAUNCH.equals(subtype)) {
			return Optional.of(DocumentCheck.Reason.PDF_LAUNCH_ACTION);
		}
		if (dictionary.containsKey(COSName.EF) || dictionary.containsKey(EMBEDDED_FILES)
				|| EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || GO_TO_EMBEDDED.equals(subtype)) {
			return Optional.of(DocumentCheck.Reason.PDF_EMBEDDED_FILE);
		}
		return Optional.empty();
	}

}
