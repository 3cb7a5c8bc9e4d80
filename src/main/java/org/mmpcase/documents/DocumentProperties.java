package org.mmpcase.documents;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code mmp.documents.*}: where uploads are kept and what the check accepts. */
@ConfigurationProperties("mmp.documents")
record DocumentProperties(@DefaultValue("./data/documents") Path storageDir, @DefaultValue("10MB") DataSize maxSize,
		@DefaultValue({ "application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif" }) List<String> allowedTypes) {
}
