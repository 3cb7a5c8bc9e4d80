package org.mmpcase.portal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The patient portal is a single-page app built into {@code static/portal/}. Its files are public; every
 * {@code /portal/**} path that is not a file (a deep link such as {@code /portal/activate?...} from an e-mail) gets
 * {@code index.html}, and the app shows the page for that path. Built assets carry a content hash in their name and
 * are cached for a year; {@code index.html} is revalidated on every load so a new build is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(PortalDraftProperties.class)
class PortalWebConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/static/portal/";

	/**
	 * The portal's pages load only their own scripts and styles and talk only to this server; no page may frame them.
	 * (form-js sets style attributes, hence 'unsafe-inline' for styles only.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@org.springframework.context.annotation.Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> portalSecurityHeaders() {
		jakarta.servlet.Filter filter = (request, response, chain) -> {
			jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("Referrer-Policy", "same-origin");
			chain.doFilter(request, response);
		};
		org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> registration =
				new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/portal", "/portal/*");
		registration.setName("portal-security-headers");
		return registration;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/portal", "/portal/");
		// the expiry reminders link to <public-url>/renew (mmp.mail.renewal-url): the portal's renewal page
		registry.addRedirectViewController("/renew", "/portal/renew");
		// the resource handler refuses an empty path, so the app's start page is forwarded here
		registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/portal/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
		registry.addResourceHandler("/portal/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new DeepLinkResolver());
	}

	/** A real file when there is one; {@code index.html} for an app route (no dot in the last path segment). */
	static final class DeepLinkResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource file = super.getResource(resourcePath, location);
			if (file != null) {
				return file;
			}
			String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
			if (last.contains(".")) {
				return null;
			}
			return super.getResource("index.html", location);
		}

	}

}
