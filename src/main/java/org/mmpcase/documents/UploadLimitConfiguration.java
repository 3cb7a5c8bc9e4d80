package org.mmpcase.documents;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * An upload over the multipart limit must reach the applicant as a 413 with a message. Tomcat stops reading the
 * body at the limit, answers, and then reads and discards the rest only up to {@code max-swallow-size} (2 MB by
 * default); beyond that it closes the connection with the body unread, and the client sees a reset instead of the
 * answer (a 12 MB photo against the 10 MB limit did). So the swallow size is raised to the multipart request limit:
 * files up to about twice the limit get the 413; larger ones still get the connection closed, so nobody can make
 * the server read without end. Only raised, never lowered: an explicit {@code server.tomcat.max-swallow-size} above
 * it (or -1) stays.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AbstractHttp11Protocol.class)
class UploadLimitConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadSwallowSize(MultipartProperties multipart) {
		int needed = (int) Math.min(Integer.MAX_VALUE, multipart.getMaxRequestSize().toBytes());
		return new SwallowSizeCustomizer(needed);
	}

	/** Runs after Spring Boot's own Tomcat customizer, so it sees the configured value. */
	private record SwallowSizeCustomizer(int needed)
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addConnectorCustomizers(connector -> {
				if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
						&& http.getMaxSwallowSize() >= 0 && http.getMaxSwallowSize() < needed) {
					http.setMaxSwallowSize(needed);
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
