package org.mmpcase.documents;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DocumentProperties.class, DocumentPreviewProperties.class })
class DocumentConfiguration {

	@Bean
	DocumentCheck documentCheck(DocumentProperties properties) {
		return new DocumentCheck(properties.maxSize().toBytes(), properties.maxPixels(), properties.allowedTypes());
	}

	/** Tika's configuration, loaded in the background once the app has started (not on the start-up path). */
	@EventListener(ApplicationReadyEvent.class)
	void warmUpDocumentCheck() {
		Thread warmUp = new Thread(DocumentCheck::warmUp, "document-check-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	@Bean
	DocumentStorage documentStorage(DocumentProperties properties) {
		return new FileSystemDocumentStorage(properties.storageDir());
	}

}
