package org.mmpcase.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One GreenMail SMTP server per JVM, on a free port; the tests read what the app sends. */
public final class TestMailServer {

	private static GreenMail greenMail;

	private TestMailServer() {
	}

	public static synchronized GreenMail get() {
		if (greenMail == null) {
			greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			greenMail.start();
			Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		}
		return greenMail;
	}

	public static int port() {
		return get().getSmtp().getPort();
	}

}
