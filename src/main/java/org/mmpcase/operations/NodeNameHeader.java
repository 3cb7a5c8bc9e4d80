package org.mmpcase.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In a cluster ({@code mmp.operations.node-name} set): every answer says which node served it, in the header
 * {@value #HEADER}, so an operator (and the cluster test) can tell where the balancer sent a request. Unset: no header.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${mmp.operations.node-name:}'.isBlank()")
class NodeNameHeader {

	static final String HEADER = "X-MMP-Node";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> nodeNameHeaderFilter(
			@Value("${mmp.operations.node-name}") String nodeName) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						// before the rest: answers that Spring Security or the webapps end early carry it too
						response.setHeader(HEADER, nodeName);
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
