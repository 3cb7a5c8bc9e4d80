package org.mmpcase.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DocumentProperties.class, DocumentPreviewProperties.class })
class DocumentConfiguration {

	@Bean
	DocumentCheck documentCheck(DocumentProperties properties) {
		return new DocumentCheck(properties.maxSize().toBytes(), properties.maxPixels(), properties.allowedTypes());
	}

	@Bean
	DocumentStorage documentStorage(DocumentProperties properties) {
		return new FileSystemDocumentStorage(properties.storageDir());
	}

}
