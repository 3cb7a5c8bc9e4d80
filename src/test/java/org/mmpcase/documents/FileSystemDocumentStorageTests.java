package org.mmpcase.documents;

import org.mmpcase.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDocumentStorageTests {

	@TempDir
	Path dir;

	@Test
	void store_writesUnderAGeneratedNameWithNoTemporaryLeftOver() throws IOException {
		FileSystemDocumentStorage storage = new FileSystemDocumentStorage(dir);
		byte[] content = TestFiles.pdf();

		String key = storage.store(content);

		assertThat(key).matches("[0-9a-f-]{36}");
		List<Path> files = files();
		assertThat(files).containsExactly(storage.pathOf(key));
		assertThat(Files.readAllBytes(files.get(0))).isEqualTo(content);
		assertThat(storage.read(key, Checksums.sha256(content))).isEqualTo(content);
	}

	@Test
	void tamperedFile_detectedOnRead() throws IOException {
		FileSystemDocumentStorage storage = new FileSystemDocumentStorage(dir);
		byte[] content = TestFiles.png();
		String key = storage.store(content);
		String sha256 = Checksums.sha256(content);
		Files.write(storage.pathOf(key), TestFiles.pdf());

		assertThatThrownBy(() -> storage.read(key, sha256)).isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("checksum");
	}

	@Test
	void missingFile_detectedOnRead() {
		FileSystemDocumentStorage storage = new FileSystemDocumentStorage(dir);
		String key = storage.store(TestFiles.png());
		storage.delete(key);

		assertThatThrownBy(() -> storage.read(key, Checksums.sha256(TestFiles.png())))
			.isInstanceOf(DocumentIntegrityException.class);
	}

	@Test
	void keyThatIsAPath_refused() {
		FileSystemDocumentStorage storage = new FileSystemDocumentStorage(dir);
		assertThatThrownBy(() -> storage.read("../../etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

}
