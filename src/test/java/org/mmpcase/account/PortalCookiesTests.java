package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/** The CSRF cookie's attributes follow the configuration: Secure in production, never HttpOnly (the page reads it). */
class PortalCookiesTests {

	@Test
	void csrfCookie_secureWhenConfigured_sameSiteLax_readableByThePage() {
		Cookie secure = csrfCookie(true);
		assertThat(secure.getName()).isEqualTo(PortalSessions.CSRF_COOKIE);
		assertThat(secure.getPath()).isEqualTo("/");
		assertThat(secure.getSecure()).isTrue();
		assertThat(secure.isHttpOnly()).isFalse();
		assertThat(secure.getAttribute("SameSite")).isEqualTo("Lax");
		Cookie plain = csrfCookie(false);
		assertThat(plain.getSecure()).isFalse();
		assertThat(plain.getAttribute("SameSite")).isEqualTo("Lax");
	}

	private static Cookie csrfCookie(boolean secure) {
		PortalSessions sessions = new PortalSessions(new PortalProperties(Duration.ofMinutes(20), secure),
				Clock.systemUTC(), null, null);
		CsrfTokenRepository tokens = sessions.csrfTokenRepository();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/session");
		MockHttpServletResponse response = new MockHttpServletResponse();
		tokens.saveToken(tokens.generateToken(request), request, response);
		return response.getCookie(PortalSessions.CSRF_COOKIE);
	}

}
