package org.mmpcase.notification;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mmp.mail.*}: the sender, and the folder e-mails are written to when no SMTP server is configured. The
 * public URL ({@code mmp.public-url}) is what links in e-mails start with. The templates named in
 * {@code certificate-attached-to} carry the registration's PDF. {@code renewal-url} is the page the expiry
 * reminders link to (default: {@code <public-url>/renew}).
 */
@ConfigurationProperties("mmp.mail")
record MailProperties(@DefaultValue("MMP Registry <mmp-registry@localhost>") String from,
		@DefaultValue("./data/outbox") Path outbox,
		@DefaultValue({ "certificate", "temporary-registration" }) List<String> certificateAttachedTo,
		String renewalUrl) {
}
