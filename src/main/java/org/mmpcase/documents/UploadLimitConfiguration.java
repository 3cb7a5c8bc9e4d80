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
 * An upload over the multipart limit must reach the applicant as a 413 with a message. When the declared length of
 * the request is over the limit, Tomcat reads none of the body: it answers, then reads and discards the body only up
 * to {@code max-swallow-size} (2 MB by default). Beyond that it closes the connection with bytes unread, the
 * operating system resets it, and the reset can overtake the answer: the client sees a broken connection instead
 * of the 413 (a 15 MB scan against the 11 MB limit did, now and then). So the swallow size is raised to three
 * times the multipart request limit: uploads up to that size always get the 413; larger ones still get the
 * connection closed, so nobody can make the server read without end. Only raised, never lowered: an explicit
 * {@code server.tomcat.max-swallow-size} above it (or -1) stays.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AbstractHttp11Protocol.class)
class UploadLimitConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadSwallowSize(MultipartProperties multipart) {
		int needed = (int) Math.min(Integer.MAX_VALUE, 3 * multipart.getMaxRequestSize().toBytes());
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
