package org.mmpcase.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the workspace's security chain: the staff user of the Camunda session becomes the request's principal, with
 * role STAFF when they may use Tasklist (others are signed in, but refused with 403) and SUPERVISOR for supervisors.
 * Nothing is stored in the session by Spring Security: the Camunda session is the one sign-in.
 */
class StaffSessionFilter extends OncePerRequestFilter {

	static final String STAFF = "STAFF";

	static final String SUPERVISOR = "SUPERVISOR";

	private final StaffSessions sessions;

	StaffSessionFilter(StaffSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		sessions.signedInUser(request).flatMap(sessions::load).ifPresent(user -> {
			List<GrantedAuthority> roles = new ArrayList<>();
			if (sessions.mayUseWorkspace(user, request)) {
				roles.add(new SimpleGrantedAuthority("ROLE_" + STAFF));
				if (user.isSupervisor()) {
					roles.add(new SimpleGrantedAuthority("ROLE_" + SUPERVISOR));
				}
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, roles));
			SecurityContextHolder.setContext(context);
		});
		chain.doFilter(request, response);
	}

}
