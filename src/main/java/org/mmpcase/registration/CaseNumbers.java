package org.mmpcase.registration;

import java.security.SecureRandom;

/**
 * Application and registration numbers: random, so that nobody can guess a neighbour's number, and spelled
 * without look-alike characters (no 0/O, 1/I/L) so that they can be read out over the phone.
 */
public final class CaseNumbers {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private CaseNumbers() {
	}

	/** e.g. {@code A-7KQ3-M9XT}. */
	public static String applicationNumber() {
		return "A-" + group() + "-" + group();
	}

	/** e.g. {@code MMP-7KQ3-M9XT}. */
	public static String registrationNumber() {
		return "MMP-" + group() + "-" + group();
	}

	private static String group() {
		char[] chars = new char[4];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

}
