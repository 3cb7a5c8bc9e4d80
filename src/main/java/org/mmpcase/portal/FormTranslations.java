package org.mmpcase.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Translations of the Camunda Forms, kept next to them: {@code forms/i18n/<language>.json}, keyed by form id, then
 * by component id, with the component's {@code label}, {@code description}, {@code text} and, for options,
 * {@code values} (option value to its label). A process owner edits them like the forms; what a file does not
 * translate stays as the form says. Read from {@code mmp.models.forms-dir} when set (as the forms are), otherwise
 * from the copies in the jar. Read once per language.
 */
@Component
public class FormTranslations {

	private final ObjectMapper objectMapper;

	private final String formsDir;

	private final Map<String, JsonNode> byLanguage = new ConcurrentHashMap<>();

	FormTranslations(ObjectMapper objectMapper, @Value("${mmp.models.forms-dir:}") String formsDir) {
		this.objectMapper = objectMapper;
		this.formsDir = formsDir;
	}

	/** The form's schema with the labels of the locale's language; the schema itself when there are none. */
	public JsonNode translate(JsonNode schema, Locale locale) {
		String language = locale == null ? "en" : locale.getLanguage();
		JsonNode forForm = translations(language).path(schema.path("id").asText());
		if (forForm.isMissingNode() || !forForm.isObject()) {
			return schema;
		}
		JsonNode copy = schema.deepCopy();
		apply(copy, forForm);
		return copy;
	}

	private static void apply(JsonNode node, JsonNode forForm) {
		for (JsonNode component : node.path("components")) {
			JsonNode translation = forForm.path(component.path("id").asText());
			if (translation.isObject() && component instanceof ObjectNode target) {
				for (String property : new String[] { "label", "description", "text" }) {
					if (translation.path(property).isTextual()) {
						target.put(property, translation.get(property).asText());
					}
				}
				JsonNode valueLabels = translation.path("values");
				for (JsonNode option : component.path("values")) {
					JsonNode label = valueLabels.path(option.path("value").asText());
					if (label.isTextual() && option instanceof ObjectNode optionNode) {
						optionNode.put("label", label.asText());
					}
				}
			}
			apply(component, forForm);
		}
	}

	private JsonNode translations(String language) {
		if (!language.matches("[a-z]{2,3}")) {
			return MissingNode.getInstance();
		}
		return byLanguage.computeIfAbsent(language, this::read);
	}

	private JsonNode read(String language) {
		String name = "i18n/" + language + ".json";
		try {
			if (formsDir != null && !formsDir.isBlank()) {
				Path file = Path.of(formsDir).resolve(name);
				if (!Files.isRegularFile(file)) {
					return MissingNode.getInstance();
				}
				try (InputStream in = Files.newInputStream(file)) {
					return objectMapper.readTree(in);
				}
			}
			ClassPathResource resource = new ClassPathResource("forms/" + name);
			if (!resource.exists()) {
				return MissingNode.getInstance();
			}
			try (InputStream in = resource.getInputStream()) {
				return objectMapper.readTree(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Form translations " + name + " cannot be read", ex);
		}
	}

}
