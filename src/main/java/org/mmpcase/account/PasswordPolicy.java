package org.mmpcase.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mmpcase.shared.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * The password rules of NIST SP 800-63B (5.1.1.2): at least 12 characters (in Unicode code points, after NFKC
 * normalisation), at most 128, any characters including spaces, no composition rules (no 'one digit, one capital'),
 * but not a password attackers try first: one of {@code common-passwords.txt} (also with separators removed, with
 * digits or symbols around it, with letter/digit swaps or repeated), one built on the person's name or e-mail
 * address or the program's name, or one made of repeated or sequential characters ({@code aaaa}, {@code 1234},
 * {@code qwerty}).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/** Words any attacker of this site tries first. */
	static final List<String> PROGRAM_WORDS = List.of("marijuana", "cannabis", "connecticut", "medical", "program",
			"portal", "registry", "mmp");

	private static final List<String> KEYBOARD_ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
			"qwertzuiop", "azertyuiop", "qsdfghjklm", "wxcvbn");

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("/common-passwords.txt");
	}

	/** Refuses a password that does not follow the rules, with a message for the password field. */
	public void check(String password, Collection<String> personalWords) {
		problem(password, personalWords).ifPresent(message -> {
			throw BadRequestException.field("password", message);
		});
	}

	/** What is wrong with the password, if anything. */
	public Optional<String> problem(String password, Collection<String> personalWords) {
		String normalised = NormalisingPasswordEncoder.normalise(password == null ? "" : password);
		int length = normalised.codePointCount(0, normalised.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters. A few unrelated words with spaces "
					+ "between them are long and easy to remember.");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Use at most " + MAX_LENGTH + " characters.");
		}
		String lower = normalised.toLowerCase(Locale.ROOT);
		String compact = compact(lower);
		if (compact.isEmpty()) {
			// only symbols or emoji: judged as they are, without the spaces
			compact = lower.replaceAll("\\s+", "");
		}
		if (isCommon(lower) || isCommon(compact)) {
			return Optional.of("This password is on the list of passwords that are guessed first. Choose another "
					+ "one, for example a few unrelated words.");
		}
		if (isRepetitive(compact)) {
			return Optional.of("This password is easy to guess: it repeats characters or follows a sequence "
					+ "(like aaaa, 1234 or qwerty). Choose another one.");
		}
		if (isBuiltOn(compact, contextWords(personalWords))) {
			return Optional.of("Do not build your password on your name, your e-mail address or the program's "
					+ "name. Choose something others cannot guess from them.");
		}
		return Optional.empty();
	}

	private boolean isCommon(String candidate) {
		if (common.contains(candidate)) {
			return true;
		}
		String core = stripDecoration(candidate);
		if (core.length() >= 4 && (common.contains(core) || common.contains(unLeet(core, 'i'))
				|| common.contains(unLeet(core, 'l')))) {
			return true;
		}
		String unit = repeatedUnit(candidate);
		if (unit == null) {
			unit = repeatedUnit(core);
		}
		return unit != null && isCommon(unit);
	}

	/** Only the letters and digits, in order: "Pass word-1!" and "password1" are the same guess. */
	private static String compact(String lower) {
		StringBuilder out = new StringBuilder();
		lower.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Without the digits and symbols before and after: "2024password!!" is "password". */
	private static String stripDecoration(String candidate) {
		int start = 0;
		int end = candidate.length();
		while (start < end && !Character.isLetter(candidate.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(candidate.charAt(end - 1))) {
			end--;
		}
		return start < end ? candidate.substring(start, end) : candidate;
	}

	/** The usual swaps undone: p@ssw0rd is password; 1 is read as {@code one}. */
	private static String unLeet(String candidate, char one) {
		StringBuilder out = new StringBuilder(candidate.length());
		for (char c : candidate.toCharArray()) {
			out.append(switch (c) {
				case '0' -> 'o';
				case '1', '!', '|' -> one;
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7', '+' -> 't';
				case '8' -> 'b';
				case '9' -> 'g';
				default -> c;
			});
		}
		return out.toString();
	}

	/** The shortest string whose repetition the candidate is, or null: "abcabcabc" is "abc" three times. */
	static String repeatedUnit(String candidate) {
		int n = candidate.length();
		for (int size = 1; size <= n / 2; size++) {
			if (n % size == 0 && candidate.substring(0, size).repeat(n / size).equals(candidate)) {
				return candidate.substring(0, size);
			}
		}
		return null;
	}

	/**
	 * Repeated or sequential: a repeated unit ("abcabc"), fewer than 4 different characters, or mostly steps that
	 * repeat the previous character, go to the next one up or down ("1234", "fedc") or to a neighbour on the keyboard
	 * ("qwerty", "asdf").
	 */
	static boolean isRepetitive(String compact) {
		if (repeatedUnit(compact) != null || compact.codePoints().distinct().count() < 4) {
			return true;
		}
		int[] points = compact.codePoints().toArray();
		int predictable = 0;
		for (int i = 1; i < points.length; i++) {
			if (Math.abs(points[i] - points[i - 1]) <= 1 || keyboardNeighbours(points[i - 1], points[i])) {
				predictable++;
			}
		}
		return predictable * 4 >= (points.length - 1) * 3;
	}

	private static boolean keyboardNeighbours(int a, int b) {
		for (String row : KEYBOARD_ROWS) {
			int i = row.indexOf(a);
			int j = row.indexOf(b);
			if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) {
				return true;
			}
		}
		return false;
	}

	/** The person's words (parts of the e-mail address and name, 3 letters or more) and the program's. */
	private static List<String> contextWords(Collection<String> personalWords) {
		List<String> words = new ArrayList<>(PROGRAM_WORDS);
		for (String value : personalWords) {
			if (value == null) {
				continue;
			}
			String lower = NormalisingPasswordEncoder.normalise(value).toLowerCase(Locale.ROOT);
			int at = lower.indexOf('@');
			List<String> parts = new ArrayList<>();
			if (at >= 0) {
				parts.add(compact(lower.substring(0, at)));
				String[] domain = lower.substring(at + 1).split("\\.");
				// the top-level domain (com, net) says nothing about the person
				for (int i = 0; i < domain.length - 1; i++) {
					parts.add(domain[i]);
				}
				lower = lower.substring(0, at);
			}
			parts.add(compact(lower));
			for (String piece : lower.split("[^\\p{L}\\p{N}]+")) {
				parts.add(piece);
				parts.add(piece.replaceAll("\\p{N}", ""));
			}
			parts.stream().map(PasswordPolicy::compact).filter(part -> part.length() >= 3).forEach(words::add);
		}
		words.sort((a, b) -> b.length() - a.length());
		return words;
	}

	/** What is left without the context words is short, or only digits and symbols, or a common password. */
	private boolean isBuiltOn(String compact, List<String> contextWords) {
		String rest = compact;
		boolean found = false;
		for (String word : contextWords) {
			if (rest.contains(word)) {
				rest = rest.replace(word, "");
				found = true;
			}
		}
		if (!found) {
			return false;
		}
		return rest.length() < 8 || rest.chars().noneMatch(Character::isLetter) || isCommon(rest)
				|| isRepetitive(rest);
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String word = NormalisingPasswordEncoder.normalise(line.strip()).toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
					words.add(compact(word));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
