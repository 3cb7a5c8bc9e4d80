package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Person;
import org.mmpcase.support.TestFiles;

class TextHintsTests {

	private final Person jordan = person("Jordan", "Rivera", "12 Elm Street", "06106");

	@Test
	void billWithNameAndAddress_bothFound_despiteAbbreviationsCaseAndAccents() {
		TextHints.Hint hint = TextHints.of("application/pdf",
				TestFiles.pdf("JORDAN RIVERA, 12 Elm St., Hartford CT 06106-1234"), jordan);
		assertThat(hint).isEqualTo(new TextHints.Hint(true, true, true));
		assertThat(TextHints.match("Jordán Rivera lives at 12 ELM STREET", jordan).addressFound()).isTrue();
	}

	@Test
	void somebodyElsesBill_neitherFound() {
		TextHints.Hint hint = TextHints.of("application/pdf",
				TestFiles.pdf("Sam Jordan, 120 Elm Street, Hartford CT 06105"), jordan);
		assertThat(hint).isEqualTo(new TextHints.Hint(true, false, false));
	}

	@Test
	void zipAlone_countsAsAddress() {
		assertThat(TextHints.match("Rivera Jordan, PO Box 7, Hartford 06106", jordan))
			.isEqualTo(new TextHints.Hint(true, true, true));
	}

	@Test
	void photosAndScansWithoutText_noTextLayer() {
		assertThat(TextHints.of("image/jpeg", TestFiles.jpeg(), jordan)).isEqualTo(TextHints.Hint.NO_TEXT);
		assertThat(TextHints.of("application/pdf", TestFiles.pdf(), jordan)).isEqualTo(TextHints.Hint.NO_TEXT);
	}

	private static Person person(String first, String last, String street, String zip) {
		return new Person(first, last, LocalDate.of(1980, 5, 17), "jordan@example.net", street, "Hartford", zip,
				Instant.now());
	}

}
