package org.mmpcase.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** In the portal's security chain, before authorisation: ends idle sessions, records activity. Not a servlet bean. */
public class PortalSessionFilter extends OncePerRequestFilter {

	private final PortalSessions sessions;

	public PortalSessionFilter(PortalSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		sessions.check(request);
		chain.doFilter(request, response);
	}

}
