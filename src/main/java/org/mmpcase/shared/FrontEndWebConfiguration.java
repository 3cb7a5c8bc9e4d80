package org.mmpcase.shared;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The two single-page apps of the front-end build ({@code src/main/portal}, built into {@code static/}): the patient
 * portal at {@code /portal/} and the reviewer workspace at {@code /review/}, with their shared assets at
 * {@code /assets/}. Their files are public; every path of an app that is not a file (a deep link such as
 * {@code /portal/activate?...} from an e-mail, or {@code /review/cases/A-...}) gets the app's {@code index.html}, and
 * the app shows the page for that path. Built assets carry a content hash in their name and are cached for a year;
 * the pages are revalidated on every load so a new build is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
class FrontEndWebConfiguration implements WebMvcConfigurer {

	static final String STATIC = "classpath:/static/";

	/**
	 * The pages load only their own scripts and styles and talk only to this server; no page may frame them.
	 * (form-js sets style attributes, hence 'unsafe-inline' for styles only.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<Filter> frontEndSecurityHeaders() {
		Filter filter = (request, response, chain) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("Referrer-Policy", "same-origin");
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/portal", "/portal/*", "/review", "/review/*", "/assets/*");
		registration.setName("front-end-security-headers");
		return registration;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/portal", "/portal/");
		registry.addRedirectViewController("/review", "/review/");
		// the expiry reminders link to <public-url>/renew (mmp.mail.renewal-url): the portal's renewal page
		registry.addRedirectViewController("/renew", "/portal/renew");
		// the resource handler refuses an empty path, so each app's start page is forwarded here
		registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
		registry.addViewController("/review/").setViewName("forward:/review/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(STATIC + "assets/")
			.setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
		for (String app : new String[] { "portal", "review" }) {
			registry.addResourceHandler("/" + app + "/**")
				.addResourceLocations(STATIC + app + "/")
				.setCacheControl(CacheControl.noCache())
				.resourceChain(true)
				.addResolver(new DeepLinkResolver());
		}
	}

	/**
	 * A real file when there is one; {@code index.html} for an app route (no dot in the last path segment). The
	 * workspace's API ({@code /review/api/...}) is never an app route: an unknown API path stays a 404.
	 */
	static final class DeepLinkResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource file = super.getResource(resourcePath, location);
			if (file != null) {
				return file;
			}
			String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
			if (last.contains(".") || resourcePath.startsWith("api/") || resourcePath.equals("api")) {
				return null;
			}
			return super.getResource("index.html", location);
		}

	}

}
