package org.mmpcase.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same 503 as the API's for what is not Spring MVC: the engine REST API checks every caller's password with
 * the engine before anything else, and the app's API checks the login throttle and the password in Spring
 * Security's filters; while the database is away those checks fail with an exception no handler of ours sees. In
 * front of everything, this turns such a failure into 503 with a message (instead of a 500 that names the SQL).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	@Bean
	FilterRegistrationBean<OutageFilter> engineRestOutageFilter() {
		FilterRegistrationBean<OutageFilter> registration = new FilterRegistrationBean<>(new OutageFilter());
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		// before the engine REST API's authentication filter (HIGHEST_PRECEDENCE + 10) and Spring Security's chains
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	static final class OutageFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | RuntimeException ex) {
				if (!DatabaseOutages.isCause(ex) || response.isCommitted()) {
					throw ex;
				}
				log.warn("Database unreachable: {}", ex.getClass().getSimpleName());
				DatabaseOutages.writeUnavailable(response);
			}
		}

	}

}
