package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmpcase.shared.BadRequestException;

/** NIST 800-63B as the policy reads it: length in characters, anything allowed, the guessable refused. */
class PasswordPolicyTests {

	private static final List<String> JORDAN = List.of("jordan.rivera80@mail-host.net", "Jordan", "Rivera");

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void length_twelveToOneHundredTwentyEight_countedInCharactersNotBytes() {
		assertThat(problem("violet lamp!")).isEmpty();
		assertThat(problem("violet lamp")).get().asString().contains("at least 12");
		String words = "lantern orchard violet tractor blanket mosaic harbor pencil walrus quartz meadow";
		String longest = (words + " " + words.toUpperCase() + " " + words.replace(' ', '-')).substring(0, 128);
		assertThat(longest).hasSize(128);
		assertThat(problem(longest)).isEmpty();
		assertThat(problem(longest + "x")).get().asString().contains("at most 128");
		// eleven emoji are 22 UTF-16 units but 11 characters
		assertThat(problem("🌵🐢🚲🎻🍋🧭🪁🦉🌋🧲🎈")).get().asString().contains("at least 12");
		assertThat(problem("🌵🐢🚲🎻🍋🧭🪁🦉🌋🧲🎈🪴")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "lantern orchard 47 violet", "alllowercaseletterswithoutdigits", "Ünïcödé ist erlaubt",
			"мой пароль достаточно длинный", "marijuana is my medicine now", "  spaces around it  " })
	void noCompositionRules_spacesAndUnicodeAllowed(String password) {
		assertThat(problem(password)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "P@ssw0rd2024!", "Pass word 1234!", "iloveyouiloveyou",
			"qwertyuiop123", "correct horse battery staple", "Welcome12345!", "2024!!sunshine!!",
			"ｐａｓｓｗｏｒｄ１２３４５", "TrustNo1TrustNo1" })
	void commonPasswords_andTheirUsualVariants_refused(String password) {
		assertThat(problem(password)).get().asString().contains("guessed first");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaa", "abcdefghijklmn", "zyxwvutsrqpo", "1212121212121", "9876543210987",
			"asdfghjkl;asdf", "abcabcabcabcabc" })
	void repeatedOrSequentialCharacters_refused(String password) {
		assertThat(problem(password)).get().asString().containsAnyOf("repeats characters", "guessed first");
	}

	@ParameterizedTest
	@ValueSource(strings = { "JordanRivera1980", "jordan.rivera80!!", "Rivera-Jordan-2024", "cannabis2024!!",
			"Connecticut!123", "mail-host rivera", "MMP portal 2024!!" })
	void builtOnTheNameTheEmailOrTheProgram_refused(String password) {
		// the program's own words are on the common list as well
		assertThat(problem(password)).get().asString().containsAnyOf("your name", "guessed first");
	}

	@Test
	void aNameInsideAStrongPassphrase_isFine() {
		assertThat(problem("jordan plants violet lanterns")).isEmpty();
	}

	@Test
	void check_reportsOnThePasswordField() {
		assertThatThrownBy(() -> policy.check("short", JORDAN)).isInstanceOfSatisfying(BadRequestException.class,
				ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("password"));
	}

	@Test
	void encoder_normalisesSoTheSamePasswordTypedDifferentlyMatches() {
		NormalisingPasswordEncoder encoder = new NormalisingPasswordEncoder(
				org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder());
		String composed = "caf\u00e9 au lait s'il vous pla\u00eet";
		String decomposed = "cafe\u0301 au lait s'il vous pla\u0131\u0302t".replace('\u0131', 'i');
		String hash = encoder.encode(composed);
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(encoder.matches(decomposed, hash)).isTrue();
		assertThat(encoder.matches("cafe au lait s'il vous plait", hash)).isFalse();
	}

	@Test
	void encoder_longestAllowedPasswords_hashAndMatch_everyCharacterCounts() {
		NormalisingPasswordEncoder encoder = new NormalisingPasswordEncoder(
				org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder());
		String ascii = "lantern orchard violet tractor ".repeat(5).substring(0, 128);
		String emoji = "🌵 lantern 🐢 orchard 🚲 violet 🎻 tractor 🍋 blanket 🧭 mosaic 🪁 harbor 🦉 pencil 🌋 walrus ünïcödé";
		for (String password : List.of(ascii, emoji)) {
			assertThat(policy.problem(password, List.of("someone@example.org")))
				.as("allowed by the policy: " + password).isEmpty();
			String hash = encoder.encode(password);
			assertThat(encoder.matches(password, hash)).isTrue();
			String sameStart = password.substring(0, password.length() - 2) + "!!";
			assertThat(encoder.matches(sameStart, hash)).as("bcrypt alone would ignore the end").isFalse();
		}
	}

	private Optional<String> problem(String password) {
		return policy.problem(password, JORDAN);
	}

}
