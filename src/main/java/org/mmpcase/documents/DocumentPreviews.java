package org.mmpcase.documents;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * What a reviewer sees of an applicant's document inside the workspace. A photo (JPEG, PNG; its metadata was
 * removed at upload) is shown as it is; a PDF is never handed to the browser, its pages are rendered here as JPEG
 * images by {@link PdfPageRenderer}, within the bounds of {@code mmp.documents.preview.*}. Whatever cannot be
 * previewed says why, and the reviewer opens the original file instead.
 * <p>
 * Everything is cached by document id and SHA-256 (a stored document never changes under the same pair): the
 * answer of {@link #preview}, failures included, so a damaged file is not parsed again on every request, and the
 * page images, by their size in bytes ({@code cache-size}). The stored file is read, and its checksum verified, only
 * when something is not in the cache. At most {@code concurrency} documents are read and rendered at once; the other
 * requests wait, so memory stays bounded by that many files and page rasters however many reviewers click.
 */
@Service
public class DocumentPreviews {

	private static final Logger log = LoggerFactory.getLogger(DocumentPreviews.class);

	private static final String PDF = "application/pdf";

	private static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png");

	/**
	 * Failures that may pass (the file restored from a backup, a machine less busy) are made again after this;
	 * the others follow from the file's content and are kept like any answer.
	 */
	private static final Duration TRANSIENT_FAILURE_KEPT = Duration.ofMinutes(1);

	private static final Set<String> TRANSIENT_REASONS = Set.of(PreviewUnavailableException.UNREADABLE,
			PreviewUnavailableException.TIMEOUT);

	/** A {@link Preview} is a few dozen bytes: this many cost about a megabyte. */
	private static final int PREVIEWS_KEPT = 10_000;

	private final DocumentVault vault;

	private final PdfPageRenderer renderer;

	private final int maxPages;

	private final Semaphore permits;

	private final AsyncCache<DocumentKey, Preview> previews;

	private final AsyncCache<PageKey, PageOutcome> pages;

	/** Over the store alone, documents as uploaded (no key). */
	DocumentPreviews(DocumentStorage storage, DocumentPreviewProperties properties) {
		this(DocumentVault.plaintext(storage), properties);
	}

	@Autowired
	DocumentPreviews(DocumentVault vault, DocumentPreviewProperties properties) {
		this.vault = vault;
		this.renderer = new PdfPageRenderer(properties.dpi(), properties.maxPagePixels(),
				properties.maxImagePixels(), properties.timeout());
		this.maxPages = properties.maxPages();
		this.permits = new Semaphore(properties.concurrency(), true);
		this.previews = Caffeine.newBuilder()
			.maximumSize(PREVIEWS_KEPT)
			.expireAfter(Expiry.<DocumentKey, Preview>writing((key, preview) -> keptFor(preview.reason())))
			.buildAsync();
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.cacheSize().toBytes())
			.weigher((PageKey key, PageOutcome outcome) -> outcome.weight())
			.expireAfter(Expiry.<PageKey, PageOutcome>writing((key, outcome) -> keptFor(outcome.reason())))
			.buildAsync();
	}

	/** What can be shown of this document. Cached per document id + SHA-256. */
	public Preview preview(Document document) {
		return cached(previews, DocumentKey.of(document), () -> make(document));
	}

	/**
	 * Page {@code page} (1-based) as an image: a JPEG rendered from a PDF, or for a photo (page 1) the stored file
	 * itself with its own content type.
	 * @throws PreviewUnavailableException (reason and message) when no preview can be made of the document or page
	 * @throws NoSuchPageException when {@code page} is outside 1 to the page count
	 */
	public PageImage page(Document document, int page) {
		Preview preview = preview(document);
		if (!preview.available()) {
			throw new PreviewUnavailableException(preview.reason(), preview.message());
		}
		if (page < 1 || page > preview.pages()) {
			throw new NoSuchPageException(page, preview.pages());
		}
		PageOutcome outcome = cached(pages, PageKey.of(document, page), () -> render(document, page));
		if (outcome.image() == null) {
			throw new PreviewUnavailableException(outcome.reason(), outcome.message());
		}
		return outcome.image();
	}

	private Preview make(Document document) {
		String type = document.getDetectedType();
		if (type == null || !PDF.equals(type) && !PHOTOS.contains(type)) {
			return Preview.unavailable(PreviewUnavailableException.notPreviewable(type));
		}
		try {
			return withPermit(() -> {
				byte[] content = read(document);
				if (PHOTOS.contains(type)) {
					// the photo was read to know it is intact; page 1, asked for next, is this same file
					pages.put(PageKey.of(document, 1),
							CompletableFuture.completedFuture(PageOutcome.of(new PageImage(type, content))));
					return Preview.image();
				}
				int count = renderer.pageCount(content);
				if (count > maxPages) {
					throw PreviewUnavailableException.tooManyPages(count, maxPages);
				}
				return Preview.pdf(count);
			});
		}
		catch (PreviewUnavailableException ex) {
			log.info("No preview of document {}: {} ({})", document.getId(), ex.reason(), causeOf(ex));
			return Preview.unavailable(ex);
		}
	}

	private PageOutcome render(Document document, int page) {
		try {
			return PageOutcome.of(withPermit(() -> {
				byte[] content = read(document);
				if (PHOTOS.contains(document.getDetectedType())) {
					return new PageImage(document.getDetectedType(), content);
				}
				return new PageImage(PdfPageRenderer.CONTENT_TYPE, renderer.render(content, page));
			}));
		}
		catch (PreviewUnavailableException ex) {
			log.info("No preview of page {} of document {}: {} ({})", page, document.getId(), ex.reason(),
					causeOf(ex));
			return PageOutcome.failed(ex);
		}
	}

	private byte[] read(Document document) {
		try {
			return vault.read(document);
		}
		catch (DocumentIntegrityException ex) {
			throw PreviewUnavailableException.unreadable(ex);
		}
	}

	/** What went wrong underneath, for the log: PDFBox's or the storage's words, not the reviewer's message. */
	private static String causeOf(PreviewUnavailableException ex) {
		return ex.getCause() == null ? "no further detail" : ex.getCause().toString();
	}

	private <T> T withPermit(Supplier<T> work) {
		try {
			permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to prepare a preview", ex);
		}
		try {
			return work.get();
		}
		finally {
			permits.release();
		}
	}

	/**
	 * The cached value, or one made now on the calling thread. Caffeine's own loading would run inside the map's
	 * lock, which is no place for a render of seconds; here a request for the same key meanwhile waits for this one
	 * instead of rendering the same page again. A value that ends in an exception is not kept.
	 */
	private static <K, V> V cached(AsyncCache<K, V> cache, K key, Supplier<V> make) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> theirs = cache.asMap().putIfAbsent(key, mine);
		if (theirs != null) {
			try {
				return theirs.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}
		try {
			V value = make.get();
			mine.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	private static Duration keptFor(String reason) {
		return reason != null && TRANSIENT_REASONS.contains(reason) ? TRANSIENT_FAILURE_KEPT
				: Duration.ofNanos(Long.MAX_VALUE);
	}

	/**
	 * What can be shown of a document.
	 * @param available whether {@link #page} gives images of it
	 * @param kind {@code image} (a photo, one page: the file itself) or {@code pdf} (rendered pages); null when not
	 * available
	 * @param pages how many pages there are (1 for a photo); null when not available
	 * @param reason when not available, one of the reasons of {@link PreviewUnavailableException}
	 * @param message when not available, why, for the reviewer, ending with the advice to open the original file
	 */
	public record Preview(boolean available, String kind, Integer pages, String reason, String message) {

		static Preview image() {
			return new Preview(true, "image", 1, null, null);
		}

		static Preview pdf(int pages) {
			return new Preview(true, "pdf", pages, null, null);
		}

		static Preview unavailable(PreviewUnavailableException ex) {
			return new Preview(false, null, null, ex.reason(), ex.getMessage());
		}

	}

	/**
	 * One page as an image.
	 * @param contentType {@code image/jpeg} for a PDF's page, the photo's own type for a photo
	 * @param content the image; shared with the cache, so write it out, never change it
	 */
	public record PageImage(String contentType, byte[] content) {
	}

	private record DocumentKey(Long id, String sha256) {

		static DocumentKey of(Document document) {
			return new DocumentKey(document.getId(), document.getSha256());
		}

	}

	private record PageKey(Long id, String sha256, int page) {

		static PageKey of(Document document, int page) {
			return new PageKey(document.getId(), document.getSha256(), page);
		}

	}

	/** A page image, or why there is none: a failure is kept too, so a damaged page is not rendered again. */
	private record PageOutcome(PageImage image, String reason, String message) {

		static PageOutcome of(PageImage image) {
			return new PageOutcome(image, null, null);
		}

		static PageOutcome failed(PreviewUnavailableException ex) {
			return new PageOutcome(null, ex.reason(), ex.getMessage());
		}

		/** Bytes of memory, roughly: what the cache's size is counted in. */
		int weight() {
			return image == null ? 256 : image.content().length + 64;
		}

	}

}
