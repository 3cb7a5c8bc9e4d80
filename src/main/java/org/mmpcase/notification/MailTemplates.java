package org.mmpcase.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Plain-text e-mail templates in {@code mail/<name>.txt}: the first line is {@code Subject: ...}, the rest is the
 * body; {@code {{name}}} is replaced by the model's value. Text files so that DCP staff can reword them without
 * knowing a template language. An optional {@code mail/<name>.html} beside it is the HTML alternative of the same
 * e-mail (values HTML-escaped); mail programs show it, the text part stays for the others. A placeholder without a value fails the send, rather than mailing a patient an
 * e-mail with a hole in it.
 */
@Component
public class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

	private static final String SUBJECT = "Subject:";

	/** A rendered e-mail; {@code html} is null when the template has no HTML part. */
	public record Rendered(String subject, String body, String html) {
	}

	public Rendered render(String template, Map<String, String> model) {
		String source = load(template, ".txt")
			.orElseThrow(() -> new IllegalArgumentException("No mail template " + template));
		int newline = source.indexOf('\n');
		String first = newline < 0 ? source : source.substring(0, newline);
		if (!first.startsWith(SUBJECT)) {
			throw new IllegalStateException("Mail template " + template + " must start with 'Subject: '");
		}
		String body = newline < 0 ? "" : source.substring(newline + 1);
		// one blank line after the subject separates it from the body, as in a real message
		body = body.startsWith("\n") ? body.substring(1) : body;
		String html = load(template, ".html").map(page -> fill(template, page, model, true)).orElse(null);
		return new Rendered(fill(template, first.substring(SUBJECT.length()).strip(), model, false),
				fill(template, body, model, false), html);
	}

	private static String fill(String template, String text, Map<String, String> model, boolean html) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = model.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException(
						"Mail template " + template + " needs a value for {{" + matcher.group(1) + "}}");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static Optional<String> load(String template, String extension) {
		if (template == null || !NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("Not a mail template name: " + template);
		}
		try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + template + extension)) {
			if (in == null) {
				return Optional.empty();
			}
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
