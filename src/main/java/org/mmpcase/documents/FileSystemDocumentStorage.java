package org.mmpcase.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents as files under one folder, named by a random UUID and spread over 256 sub-folders so that no folder
 * grows to millions of entries. A file is written to a temporary name in its final folder, forced to disk, then
 * renamed atomically: a reader (or a crash) never sees half a document.
 */
class FileSystemDocumentStorage implements DocumentStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String TEMP_PREFIX = ".upload-";

	private final Path root;

	FileSystemDocumentStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public String store(byte[] content) {
		String key = UUID.randomUUID().toString();
		Path target = pathOf(key);
		Path temp = null;
		try {
			Files.createDirectories(target.getParent());
			temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			move(temp, target);
			syncDirectory(target.getParent());
			return key;
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Could not store a document", ex);
		}
	}

	@Override
	public byte[] read(String key) {
		try {
			return Files.readAllBytes(pathOf(key));
		}
		catch (NoSuchFileException ex) {
			throw new DocumentIntegrityException("Document " + key + " is missing from storage", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read document " + key, ex);
		}
	}

	@Override
	public String location() {
		return root.toString();
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete document " + key, ex);
		}
	}

	@Override
	public void forEachKeyWrittenBefore(Instant cutoff, Consumer<String> action) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : (Iterable<Path>) files::iterator) {
						if (writtenBefore(file, cutoff)) {
							String name = file.getFileName().toString();
							if (KEY.matcher(name).matches()) {
								action.accept(name);
							}
							else if (name.startsWith(TEMP_PREFIX)) {
								deleteQuietly(file);
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the document storage", ex);
		}
	}

	private static boolean writtenBefore(Path file, Instant cutoff) {
		try {
			return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			// removed meanwhile
			return false;
		}
	}

	Path pathOf(String key) {
		// keys come from the database, but a path is built from them: accept only what store() hands out
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document storage key");
		}
		return root.resolve(key.substring(0, 2)).resolve(key);
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// same folder, so this only happens on exotic file systems; a plain rename is still all-or-nothing there
			Files.move(temp, target);
		}
	}

	/** Makes the rename itself durable on POSIX systems; Windows cannot open a folder and needs no such step. */
	private static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// best effort
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// the temporary name is never read; a leftover is harmless
			}
		}
	}

}
