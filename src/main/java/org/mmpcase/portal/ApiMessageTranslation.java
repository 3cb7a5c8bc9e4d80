package org.mmpcase.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The API's error messages in the caller's language (Accept-Language, which the portal sets to the language the user
 * chose): the {@code message} and each {@code fieldErrors} entry of an error body are looked up in the Spring message
 * bundle {@code i18n/api-messages_<language>.properties}, keyed by the English text. A message with values in it (a
 * date, a name, a count) is keyed by its English text with {@code {0}}, {@code {1}} where the values go, and the
 * translation puts them where its language wants them. What has no entry stays English.
 */
@RestControllerAdvice(basePackages = "org.mmpcase")
class ApiMessageTranslation implements ResponseBodyAdvice<Object> {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	ApiMessageTranslation() {
		messages.setBasename("i18n/api-messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		messages.setUseCodeAsDefaultMessage(false);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		if (!(body instanceof Map<?, ?> map) || !map.containsKey("message") || !map.containsKey("status")
				|| "en".equals(locale.getLanguage())) {
			return body;
		}
		Map<Object, Object> translated = new LinkedHashMap<>(map);
		if (map.get("message") instanceof String message) {
			translated.put("message", translate(message, locale));
		}
		if (map.get("fieldErrors") instanceof Map<?, ?> fields) {
			Map<Object, Object> fieldErrors = new LinkedHashMap<>();
			fields.forEach((field, text) -> fieldErrors.put(field,
					text instanceof String message ? translate(message, locale) : text));
			translated.put("fieldErrors", fieldErrors);
		}
		return translated;
	}

	private final Map<String, List<Template>> templates = new ConcurrentHashMap<>();

	/** An English message with placeholders, as a pattern, and its translation. */
	private record Template(Pattern english, String translation) {

		static Template of(String english, String translation) {
			StringBuilder regex = new StringBuilder("^");
			Matcher placeholder = PLACEHOLDER.matcher(english);
			int end = 0;
			while (placeholder.find()) {
				regex.append(Pattern.quote(english.substring(end, placeholder.start())))
					.append("(?<p")
					.append(placeholder.group(1))
					.append(">.+?)");
				end = placeholder.end();
			}
			regex.append(Pattern.quote(english.substring(end))).append('$');
			return new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), translation);
		}

		String apply(Matcher matched) {
			Matcher placeholder = PLACEHOLDER.matcher(translation);
			StringBuilder out = new StringBuilder();
			while (placeholder.find()) {
				placeholder.appendReplacement(out, Matcher.quoteReplacement(matched.group("p" + placeholder.group(1))));
			}
			placeholder.appendTail(out);
			return out.toString();
		}

	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

	String translate(String message, Locale locale) {
		String exact = messages.getMessage(message, null, null, locale);
		if (exact != null) {
			return exact;
		}
		for (Template template : templates.computeIfAbsent(locale.getLanguage(), ApiMessageTranslation::templates)) {
			Matcher matched = template.english().matcher(message);
			if (matched.matches()) {
				return template.apply(matched);
			}
		}
		return message;
	}

	private static List<Template> templates(String language) {
		ClassPathResource bundle = new ClassPathResource("i18n/api-messages_" + language + ".properties");
		List<Template> templates = new ArrayList<>();
		if (!bundle.exists()) {
			return templates;
		}
		try {
			Properties entries = PropertiesLoaderUtils
				.loadProperties(new EncodedResource(bundle, StandardCharsets.UTF_8));
			entries.stringPropertyNames()
				.stream()
				.filter(key -> PLACEHOLDER.matcher(key).find())
				.sorted((a, b) -> b.length() - a.length())
				.forEach(key -> templates.add(Template.of(key, entries.getProperty(key))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return templates;
	}

}
