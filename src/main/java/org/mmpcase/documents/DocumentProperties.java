package org.mmpcase.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mmp.documents.*}: where uploads are kept, what the check accepts, and when files that no document row
 * points at are removed.
 * @param maxPixels width x height an image header may declare (a small file can declare a huge image: a
 * decompression bomb for whoever opens it); 50 megapixels is above any phone camera's JPEG
 */
@ConfigurationProperties("mmp.documents")
record DocumentProperties(@DefaultValue("./data/documents") Path storageDir, @DefaultValue("10MB") DataSize maxSize,
		@DefaultValue("50000000") long maxPixels,
		@DefaultValue({ "application/pdf", "image/jpeg", "image/png" }) List<String> allowedTypes,
		@DefaultValue OrphanCleanup orphanCleanup) {

	/**
	 * @param grace a file younger than this may belong to an upload whose row is still being committed
	 */
	record OrphanCleanup(@DefaultValue("true") boolean enabled, @DefaultValue("PT1H") Duration interval,
			@DefaultValue("PT24H") Duration grace) {
	}

}
