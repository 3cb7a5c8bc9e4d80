package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class DocumentPreviewPropertiesTests {

	@Test
	void applicationYaml_bindsTheDocumentedBounds_withOneRenderPerCore() throws IOException {
		DocumentPreviewProperties properties = bind(Map.of());

		assertThat(properties.maxPages()).isEqualTo(50);
		assertThat(properties.dpi()).isEqualTo(150);
		assertThat(properties.maxPagePixels()).isEqualTo(16_000_000);
		assertThat(properties.maxImagePixels()).isEqualTo(150_000_000);
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(properties.cacheSize()).isEqualTo(DataSize.ofMegabytes(128));
	}

	@Test
	void environmentVariables_overrideTheBounds() throws IOException {
		DocumentPreviewProperties properties = bind(Map.of("MMP_DOCUMENT_PREVIEW_MAX_PAGES", "20",
				"MMP_DOCUMENT_PREVIEW_TIMEOUT", "PT3S", "MMP_DOCUMENT_PREVIEW_CONCURRENCY", "1",
				"MMP_DOCUMENT_PREVIEW_CACHE_SIZE", "1GB"));

		assertThat(properties.maxPages()).isEqualTo(20);
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.concurrency()).isEqualTo(1);
		assertThat(properties.cacheSize()).isEqualTo(DataSize.ofGigabytes(1));
	}

	private static DocumentPreviewProperties bind(Map<String, Object> environment) throws IOException {
		StandardEnvironment spring = new StandardEnvironment();
		spring.getPropertySources().addFirst(new MapPropertySource("environment", environment));
		new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
			.forEach(spring.getPropertySources()::addLast);
		return Binder.get(spring).bindOrCreate("mmp.documents.preview", DocumentPreviewProperties.class);
	}

}
