package org.mmpcase.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The API's error messages in the caller's language (Accept-Language, which the portal sets to the language the user
 * chose): the {@code message} and each {@code fieldErrors} entry of an error body are looked up in the Spring message
 * bundle {@code i18n/api-messages_<language>.properties}, keyed by the English text. What has no entry stays English.
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

	String translate(String message, Locale locale) {
		return messages.getMessage(message, null, message, locale);
	}

}
