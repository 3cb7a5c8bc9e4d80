package org.mmpcase.review;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ReviewWebConfiguration {

	/** After the engine REST authentication (so an anonymous caller learns nothing), before the engine. */
	@Bean
	FilterRegistrationBean<ReviewDecisionGuard> reviewDecisionGuard(TaskService taskService,
			ObjectMapper objectMapper) {
		FilterRegistrationBean<ReviewDecisionGuard> registration = new FilterRegistrationBean<>(
				new ReviewDecisionGuard(taskService, objectMapper));
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
