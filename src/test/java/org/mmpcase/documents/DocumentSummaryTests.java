package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentSummaryTests {

	@Test
	void fileNameWithMarkdownAndHtml_shownAsText_neverAsALinkOrMarkup() {
		Document document = new Document(null, Document.Category.IDENTITY, "passport",
				"[click](https://evil.example) <img src=x onerror=alert(1)> {{applicantName}}.png", "image/png", 2048,
				"0".repeat(64), "key", Instant.now());

		String summary = DocumentSummary.markdown(List.of(document), "https://mmp.example.org");

		assertThat(summary).contains("\\[click\\]\\(https\\://evil\\.example\\)")
			.contains("\\<img src\\=x onerror\\=alert\\(1\\)\\>")
			.contains("\\{\\{applicantName\\}\\}")
			.contains("- File: ")
			.contains("(image/png, 2 KB)")
			.contains("no text layer (a photo)")
			.contains("[Open the document](https://mmp.example.org/review/documents/");
	}

	@Test
	void pdfWithTextLayer_hintSaysWhatWasFound_andThatItIsOnlyAHint() {
		Document document = new Document(null, Document.Category.RESIDENCY, "lease", "lease.pdf", "application/pdf",
				3 * 1024 * 1024, "0".repeat(64), "key", Instant.now());
		document.hinted(new TextHints.Hint(true, true, false));

		assertThat(DocumentSummary.markdown(List.of(document), "http://localhost:8080"))
			.contains("**Proof of residency**: lease")
			.contains("(application/pdf, 3.0 MB)")
			.contains("- Check: passed")
			.contains("name found: yes, street/ZIP found: no (a hint, not a decision)");
	}

	@Test
	void noDocuments_saidSo() {
		assertThat(DocumentSummary.markdown(List.of(), "http://localhost:8080")).contains("No documents");
	}

}
