package org.mmpcase.documents;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.mmpcase.registration.Person;

/**
 * The reviewer's aid: does the applicant's name, and their street or ZIP code, appear in the text of a document?
 * A hint that saves the reviewer a search, never a decision: scans and photos have no text layer, and a name on a
 * page proves nothing by itself. The text itself is neither stored nor logged.
 */
final class TextHints {

	/** What was found; {@code null} answers mean there was no text to look in. */
	record Hint(boolean textLayer, Boolean nameFound, Boolean addressFound) {

		static final Hint NO_TEXT = new Hint(false, null, null);

	}

	/** A proof of residency shows its facts on the first pages; a long PDF is not read to the end. */
	private static final int MAX_PAGES = 10;

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Bills and leases write "St" as often as "Street": compare in the short form. */
	private static final Map<String, String> STREET_WORDS = Map.ofEntries(Map.entry("street", "st"),
			Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("road", "rd"), Map.entry("drive", "dr"),
			Map.entry("lane", "ln"), Map.entry("boulevard", "blvd"), Map.entry("court", "ct"),
			Map.entry("place", "pl"), Map.entry("terrace", "ter"), Map.entry("circle", "cir"),
			Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"), Map.entry("turnpike", "tpke"),
			Map.entry("apartment", "apt"), Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"),
			Map.entry("west", "w"));

	private TextHints() {
	}

	static Hint of(String detectedType, byte[] content, Person applicant) {
		if (!DocumentCheck.PDF.equals(detectedType)) {
			return Hint.NO_TEXT;
		}
		String text = pdfText(content);
		if (text.isBlank()) {
			return Hint.NO_TEXT;
		}
		return match(text, applicant);
	}

	static Hint match(String text, Person applicant) {
		String haystack = " " + normalise(text) + " ";
		boolean name = containsWords(haystack, applicant.getFirstName())
				&& containsWords(haystack, applicant.getLastName());
		boolean street = applicant.getStreet() != null && containsWords(haystack, applicant.getStreet());
		String zip = applicant.getZip() == null ? "" : applicant.getZip().trim();
		boolean zipFound = zip.length() >= 5 && haystack.contains(" " + zip.substring(0, 5) + " ");
		return new Hint(true, name, street || zipFound);
	}

	private static String pdfText(byte[] content) {
		try (PDDocument document = Loader.loadPDF(content)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setEndPage(MAX_PAGES);
			return stripper.getText(document);
		}
		catch (IOException | RuntimeException ex) {
			// the check already opened this file; a text layer that cannot be read is simply no hint
			return "";
		}
	}

	private static boolean containsWords(String haystack, String words) {
		if (words == null || words.isBlank()) {
			return false;
		}
		String needle = normalise(words);
		return !needle.isEmpty() && haystack.contains(" " + needle + " ");
	}

	/** Lower case, no accents, words separated by single spaces, street words in their short form. */
	static String normalise(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		String[] words = NOT_ALPHANUMERIC.split(plain.toLowerCase(Locale.ROOT).strip());
		StringBuilder result = new StringBuilder(plain.length());
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			if (!result.isEmpty()) {
				result.append(' ');
			}
			result.append(STREET_WORDS.getOrDefault(word, word));
		}
		return result.toString();
	}

}
