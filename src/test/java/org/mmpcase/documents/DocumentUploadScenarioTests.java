package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmpcase.documents.DocumentCheck.Reason;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads through the service on PostgreSQL: what is stored, what is not, and what the reviewer is shown. */
class DocumentUploadScenarioTests extends ProcessTest {

	@Autowired
	DocumentService documents;

	@Autowired
	DocumentRepository repository;

	@Autowired
	DocumentStorage storage;

	@Autowired
	OrphanFileCleanup orphanCleanup;

	@Autowired
	TaskService taskService;

	@Autowired
	TransactionTemplate transactions;

	private static Application caseForRefusals;

	@Value("${mmp.documents.storage-dir}")
	Path storageDir;

	static Stream<Arguments> refused() {
		return Stream.concat(DocumentCheckTests.refused().stream(),
				Stream.of(Arguments.of("over 10 MB", "scan.pdf",
						new byte[10 * 1024 * 1024 + 1], Reason.TOO_LARGE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusedUpload_noRowNoFile(String kind, String filename, byte[] content, Reason reason) throws IOException {
		Application application = caseForRefusals();
		List<Path> filesBefore = storedFiles();

		assertThatThrownBy(() -> documents.upload(application, Document.Category.IDENTITY, filename, content))
			.as(kind)
			.isInstanceOfSatisfying(DocumentRejectedException.class,
					ex -> assertThat(ex.getReason()).isEqualTo(reason));

		assertThat(documentsOf(application)).isEmpty();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void phonePhoto_storedWithoutItsMetadata_checksumOfWhatIsStored() {
		Application application = driver.certify();

		Document document = documents.upload(application, Document.Category.IDENTITY, "IMG_0001.jpg",
				TestFiles.jpegWithGps());

		byte[] stored = documents.read(driver.reload(application), document.getId()).content();
		assertThat(stored).hasSizeLessThan(TestFiles.jpegWithGps().length);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Elm Street");
		assertThat(document.getSizeBytes()).isEqualTo(stored.length);
		assertThat(document.getSha256()).isEqualTo(Checksums.sha256(stored));
		assertThat(document.hasTextLayer()).isFalse();
		assertThat(document.getNameFound()).isNull();
	}

	@Test
	void oddFileNames_recordedSafely_fileUnderAGeneratedName() throws IOException {
		Application application = driver.certify();
		String longName = "\u00e9".repeat(300) + ".pdf";
		Map<String, String> expected = Map.of("../../x.pdf", "x.pdf", "..\\..\\etc\\passwd.pdf", "passwd.pdf",
				"bill\u0000.pdf", "bill.pdf", "F\u00fchrerschein \u2713 \u4f4f\u6240.pdf",
				"F\u00fchrerschein \u2713 \u4f4f\u6240.pdf", "\u202Efdp.exe.pdf", "fdp.exe.pdf");
		for (Map.Entry<String, String> name : expected.entrySet()) {
			Document document = documents.upload(driver.reload(application), Document.Category.RESIDENCY,
					name.getKey(), TestFiles.pdf("Lease"));
			assertThat(document.getOriginalFilename()).isEqualTo(name.getValue());
		}
		Document longOne = documents.upload(driver.reload(application), Document.Category.RESIDENCY, longName,
				TestFiles.pdf("Lease"));
		assertThat(longOne.getOriginalFilename()).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
		for (Path file : storedFiles()) {
			assertThat(file.normalize()).startsWith(storageDir.toAbsolutePath().normalize());
			assertThat(file.getFileName().toString()).matches("[0-9a-f-]{36}");
		}
	}

	@Test
	void documentCheck_beforeReview_leavesTheTextHintsOnTheDocuments() {
		Application application = driver.certify();

		driver.completeApplicantSteps(application);

		assertThat(taskService.getVariables(driver.reviewTask(application).getId())).as("no copy in the variables")
			.doesNotContainKey("documentSummary");
		Document licence = documentsOf(application).stream()
			.filter(document -> document.getCategory() == Document.Category.IDENTITY)
			.findFirst()
			.orElseThrow();
		assertThat(licence.getDetectedType()).isEqualTo("image/png");
		assertThat(licence.hasTextLayer()).as("a photo has no text layer").isFalse();
		Document bill = documentsOf(application).stream()
			.filter(document -> document.getCategory() == Document.Category.RESIDENCY)
			.findFirst()
			.orElseThrow();
		assertThat(bill.hasTextLayer()).isTrue();
		assertThat(bill.getNameFound()).isTrue();
		assertThat(bill.getAddressFound()).isTrue();
	}

	@Test
	void orphanFiles_olderThanTheGracePeriod_removed_recordedAndRecentOnesKept() throws IOException {
		Application application = driver.certify();
		Document recorded = documents.upload(application, Document.Category.IDENTITY, "id.png", TestFiles.png());
		String oldOrphan = storage.store(TestFiles.pdf("never recorded"));
		String recentOrphan = storage.store(TestFiles.pdf("row on its way"));
		FileSystemDocumentStorage files = (FileSystemDocumentStorage) storage;
		FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
		Files.setLastModifiedTime(files.pathOf(oldOrphan), twoDaysAgo);
		Files.setLastModifiedTime(files.pathOf(recorded.getStorageKey()), twoDaysAgo);
		Path interruptedWrite = files.pathOf(oldOrphan).resolveSibling(".upload-123.tmp");
		Files.write(interruptedWrite, new byte[] { 1 });
		Files.setLastModifiedTime(interruptedWrite, twoDaysAgo);

		int removed = orphanCleanup.run();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(files.pathOf(oldOrphan)).doesNotExist();
		assertThat(interruptedWrite).doesNotExist();
		assertThat(files.pathOf(recentOrphan)).exists();
		assertThat(documents.read(driver.reload(application), recorded.getId()).content())
			.isEqualTo(TestFiles.png());
	}

	/** One case takes every refused upload: none of them may leave a trace on it. */
	private Application caseForRefusals() {
		if (caseForRefusals == null) {
			caseForRefusals = driver.certify();
		}
		return driver.reload(caseForRefusals);
	}

	private List<Document> documentsOf(Application application) {
		return transactions.execute(status -> repository.findAll()
			.stream()
			.filter(document -> document.getApplication().getId().equals(application.getId()))
			.toList());
	}

	private List<Path> storedFiles() throws IOException {
		if (!Files.isDirectory(storageDir)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(storageDir)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
