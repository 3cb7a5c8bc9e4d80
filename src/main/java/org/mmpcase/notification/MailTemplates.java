package org.mmpcase.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mail templates in {@code mail/<name>.txt}: the first line is {@code Subject: ...}, the rest is the body;
 * {@code {{name}}} is replaced by the model's value. They are Mustache templates (JMustache), so DCP staff reword them
 * as plain text, and a line that only some e-mails need goes in a section: {@code {{#name}}...{{/name}}} is left out
 * when the value is empty, {@code {{^name}}...{{/name}}} only then shows; a line holding just a section tag leaves no
 * blank line. An optional {@code mail/<name>.html} beside it is the HTML alternative of the same e-mail; mail programs
 * show it, the text part stays for the others. Values are HTML-escaped in the HTML part, even in {@code {{{name}}}},
 * and in neither the subject nor the text part; a value is never read as a template itself. A placeholder or section
 * whose name the model lacks (a placeholder whose value is null, too) fails the send, rather than mailing a patient an
 * e-mail with a hole in it. Templates are compiled once: they are resources of the application.
 */
@Component
public class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

	private static final String SUBJECT = "Subject:";

	// no default value and strict sections: a name the model lacks throws; no reflection: a placeholder reads a value
	// of the model, never a method of one
	private static final Mustache.Compiler TEXT = Mustache.compiler()
		.escapeHTML(false)
		.strictSections(true)
		.emptyStringIsFalse(true)
		.withFormatter(MailTemplates::value)
		.withCollector(new BasicCollector() {
			@Override
			public <K, V> Map<K, V> createFetcherCache() {
				return new ConcurrentHashMap<>();
			}
		});

	// escaped by the formatter rather than the escaper, which {{{name}}} and {{&name}} would bypass
	private static final Mustache.Compiler HTML = TEXT.withFormatter(value -> HtmlUtils.htmlEscape(value(value)));

	/** A rendered e-mail; {@code html} is null when the template has no HTML part. */
	public record Rendered(String subject, String body, String html) {
	}

	/** The compiled parts of one template; {@code bodyLine} is the line of the file the body starts on. */
	private record Compiled(Template subject, Template body, int bodyLine, Template html) {
	}

	private final Function<String, Optional<String>> files;

	private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

	public MailTemplates() {
		this(MailTemplates::resource);
	}

	/** @param files the text of a file, by name ({@code invitation.txt}), if there is one */
	MailTemplates(Function<String, Optional<String>> files) {
		this.files = files;
	}

	public Rendered render(String template, Map<String, String> model) {
		if (template == null || !NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("Not a mail template name: " + template);
		}
		Compiled mail = compiled.computeIfAbsent(template, this::compile);
		String text = template + ".txt";
		return new Rendered(fill(mail.subject(), model, text, 1), fill(mail.body(), model, text, mail.bodyLine()),
				mail.html() == null ? null : fill(mail.html(), model, template + ".html", 1));
	}

	private Compiled compile(String template) {
		String source = load(template + ".txt")
			.orElseThrow(() -> new IllegalArgumentException("No mail template " + template));
		int newline = source.indexOf('\n');
		String first = newline < 0 ? source : source.substring(0, newline);
		if (!first.startsWith(SUBJECT)) {
			throw new IllegalStateException("Mail template " + template + " must start with 'Subject: '");
		}
		String body = newline < 0 ? "" : source.substring(newline + 1);
		// one blank line after the subject separates it from the body, as in a real message
		int bodyLine = body.startsWith("\n") ? 3 : 2;
		body = bodyLine == 3 ? body.substring(1) : body;
		Template html = load(template + ".html").map(page -> compile(HTML, page, template + ".html", 1)).orElse(null);
		return new Compiled(compile(TEXT, first.substring(SUBJECT.length()).strip(), template + ".txt", 1),
				compile(TEXT, body, template + ".txt", bodyLine), bodyLine, html);
	}

	private static Template compile(Mustache.Compiler compiler, String source, String file, int firstLine) {
		try {
			return compiler.compile(source);
		}
		catch (MustacheException ex) {
			// the engine counts the lines of the part it was given, the body is the file less its subject
			String part = firstLine == 1 ? "" : " (in the body, whose line 1 is line " + firstLine + " of the file)";
			throw new IllegalStateException("Mail template " + file + " is not a valid template" + part + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static String fill(Template template, Map<String, String> model, String file, int firstLine) {
		try {
			return template.execute(model);
		}
		catch (MustacheException.Context ex) {
			throw new IllegalArgumentException("Mail template " + file.substring(0, file.lastIndexOf('.'))
					+ " needs a value for {{" + ex.key + "}} (" + file + ", line " + (ex.lineNo + firstLine - 1) + ")",
					ex);
		}
		catch (MustacheException ex) {
			throw new IllegalStateException("Mail template " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static String value(Object value) {
		if (value instanceof String text) {
			return text;
		}
		// {{.}} outside a section is the whole model: not something to mail (and no value is shown in the message)
		throw new MustacheException("A mail template placeholder names no value of the model but a "
				+ (value == null ? "null" : value.getClass().getSimpleName()));
	}

	private Optional<String> load(String file) {
		return files.apply(file).map(text -> text.replace("\r\n", "\n"));
	}

	private static Optional<String> resource(String file) {
		try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + file)) {
			if (in == null) {
				return Optional.empty();
			}
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
