package org.mmpcase.documents;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The staff endpoint lives outside {@code /api} (the applicants' security chain) and is guarded by its own filter,
 * so that the app's security configuration and this endpoint can change independently.
 */
@Configuration(proxyBeanMethods = false)
class ReviewerDocumentConfiguration {

	@Bean
	FilterRegistrationBean<StaffAuthenticationFilter> staffDocumentAuthentication(ProcessEngine engine) {
		FilterRegistrationBean<StaffAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new StaffAuthenticationFilter(engine));
		registration.addUrlPatterns(ReviewerDocumentController.PATH + "/*");
		registration.setName("staff-document-authentication");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
