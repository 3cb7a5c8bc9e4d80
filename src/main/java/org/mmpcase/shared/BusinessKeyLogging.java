package org.mmpcase.shared;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the application number of an API request ({@code /api/applications/A-...}, {@code /api/provider/
 * certifications/A-...}) into the log context as {@code businessKey}, the key under which the engine puts the
 * business key of the process it is running ({@code loggingContextBusinessKey} in application.yaml). So every log
 * line of a case, from a request or from the job executor, can be found by the application number, without the
 * patient's name ever being logged.
 */
@Configuration(proxyBeanMethods = false)
public class BusinessKeyLogging {

	/** The log context key of the business key (the application number of a case). */
	public static final String MDC_KEY = "businessKey";

	private static final Pattern APPLICATION_PATH = Pattern
		.compile("(?i)^/api/(?:applications|provider/certifications)/(A-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})(?:[/.?]|$)");

	@Bean
	FilterRegistrationBean<BusinessKeyFilter> businessKeyLoggingFilter() {
		FilterRegistrationBean<BusinessKeyFilter> registration = new FilterRegistrationBean<>(new BusinessKeyFilter());
		registration.addUrlPatterns("/api/*");
		// before Spring Security, so an authentication failure on a case is logged with its number too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Runs {@code work} with {@code applicationNumber} as the log context's business key, and puts back what was
	 * there before (the engine's or a request's), also when it fails.
	 */
	public static <T> T withBusinessKey(String applicationNumber, Supplier<T> work) {
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, applicationNumber);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, previous);
			}
		}
	}

	/** The application number a request path names, or null. */
	static String applicationNumber(String path) {
		Matcher matcher = APPLICATION_PATH.matcher(path);
		return matcher.find() ? matcher.group(1).toUpperCase(java.util.Locale.ROOT) : null;
	}

	static final class BusinessKeyFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String number = applicationNumber(request.getRequestURI().substring(request.getContextPath().length()));
			if (number == null) {
				chain.doFilter(request, response);
				return;
			}
			MDC.put(MDC_KEY, number);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(MDC_KEY);
			}
		}

	}

}
