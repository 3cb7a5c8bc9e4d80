package org.mmpcase.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mmp.documents.preview.*}: how much work and memory one preview of an applicant's PDF may take on the
 * server. A reviewer can always open the original file, so every bound errs on the side of saying "no preview".
 * @param maxPages a longer PDF gets no preview at all (decided from the page count, nothing rendered)
 * @param dpi resolution of the page images; 150 dpi keeps 10 pt text readable at 100 % zoom
 * @param maxPagePixels width x height of one page image; a larger page is rendered at the lower resolution that
 * fits (16 MP is a letter page at about 400 dpi, and 64 MB of raster)
 * @param maxImagePixels width x height an image inside a page may declare; more is a decompression bomb, not a scan
 * (a letter page scanned at 1200 dpi is 135 MP)
 * @param timeout how long rendering one page may take
 * @param concurrency previews prepared at the same time, the rest wait: each holds the file and a page raster in
 * memory; 0 or less means one per core
 * @param cacheSize memory kept for page images already made (and photos already read)
 */
@ConfigurationProperties("mmp.documents.preview")
record DocumentPreviewProperties(@DefaultValue("50") int maxPages, @DefaultValue("150") int dpi,
		@DefaultValue("16000000") long maxPagePixels, @DefaultValue("150000000") long maxImagePixels,
		@DefaultValue("PT10S") Duration timeout, @DefaultValue("0") int concurrency,
		@DefaultValue("128MB") DataSize cacheSize) {

	DocumentPreviewProperties {
		if (concurrency <= 0) {
			concurrency = Runtime.getRuntime().availableProcessors();
		}
	}

	/** The defaults, for code that builds the service without Spring (tests, benchmarks). */
	static DocumentPreviewProperties defaults() {
		return new DocumentPreviewProperties(50, 150, 16_000_000, 150_000_000, Duration.ofSeconds(10), 0,
				DataSize.ofMegabytes(128));
	}

}
