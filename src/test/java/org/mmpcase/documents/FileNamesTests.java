package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

	@Test
	void pathPartsControlCharactersAndOverridesRemoved() {
		assertThat(FileNames.sanitise("C:\\Users\\pat\\Desktop\\lease.pdf")).isEqualTo("lease.pdf");
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("bill\u0000.pdf\r\n")).isEqualTo("bill.pdf");
		assertThat(FileNames.sanitise("photo\u202Egnp.exe")).isEqualTo("photognp.exe");
		assertThat(FileNames.sanitise("..")).isEqualTo("document");
		assertThat(FileNames.sanitise(null)).isEqualTo("document");
	}

	@Test
	void longName_cappedKeepingTheExtension() {
		String sanitised = FileNames.sanitise("a".repeat(400) + ".pdf");
		assertThat(sanitised).hasSize(255).endsWith(".pdf");
	}

}
