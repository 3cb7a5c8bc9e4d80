package org.mmpcase.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The API's messages in Spanish: exact ones by their English text, ones with values by a template. */
class ApiMessageTranslationTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final ApiMessageTranslation translation = new ApiMessageTranslation();

	@Test
	void exactMessage_translated() {
		assertThat(translation.translate("You have no caregiver to remove.", SPANISH))
			.isEqualTo("No tiene un cuidador que quitar.");
	}

	@Test
	void messageWithValues_translated_valuesWhereSpanishPutsThem() {
		assertThat(translation.translate("You have already changed dispensary 4 times in the last 12 months. You can"
				+ " change it again on March 3, 2027.", SPANISH))
			.isEqualTo("Ya cambió de dispensario 4 veces en los últimos 12 meses. Podrá cambiarlo de nuevo a partir del"
					+ " March 3, 2027.");
		assertThat(translation.translate("Another change of this registration (address, A-7KQ3-M9XT) is in review. You"
				+ " can report the next change once it is decided.", SPANISH))
			.isEqualTo("Otro cambio de este registro (address, A-7KQ3-M9XT) está en revisión. Podrá informar el siguiente"
					+ " cambio cuando se decida.");
		assertThat(translation.translate("Jordan Rivera is already your caregiver.", SPANISH))
			.isEqualTo("Jordan Rivera ya es su cuidador.");
	}

	@Test
	void valuesWithRegexCharacters_keptAsTheyAre() {
		assertThat(translation.translate("$1 (a+b) is already your caregiver.", SPANISH))
			.isEqualTo("$1 (a+b) ya es su cuidador.");
	}

	@Test
	void unknownMessage_staysEnglish_andAMessageOnlyLikeATemplate_doesNotMatchIt() {
		assertThat(translation.translate("Something nobody translated.", SPANISH))
			.isEqualTo("Something nobody translated.");
		assertThat(translation.translate("You have already changed dispensary 4 times.", SPANISH))
			.isEqualTo("You have already changed dispensary 4 times.");
	}

	@Test
	void languageWithoutBundle_staysEnglish() {
		assertThat(translation.translate("You have no caregiver to remove.", Locale.FRENCH))
			.isEqualTo("You have no caregiver to remove.");
	}

}
