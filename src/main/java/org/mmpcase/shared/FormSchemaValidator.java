package org.mmpcase.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Checks submitted values against a Camunda Form (form-js JSON), so the server enforces what the form promises:
 * only the form's editable fields, required values, patterns, lengths, ranges and the allowed values of selects,
 * radios and checklists. Fields with a {@code conditional} are checked only when present: the step's own rules
 * decide when they are required. Returns the values converted to the types the form uses.
 */
@Component
public class FormSchemaValidator {

	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "radio",
			"select", "checklist", "taglist", "datetime");

	private final ObjectMapper objectMapper;

	FormSchemaValidator(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/** Keys of every field of the form, shown or editable. */
	public Set<String> fieldKeys(InputStream formSchema) {
		Set<String> keys = new java.util.TreeSet<>();
		collectKeys(read(formSchema), keys);
		return keys;
	}

	/** Keys of the fields a user fills in (not read-only, not disabled). */
	public Set<String> editableKeys(InputStream formSchema) {
		List<JsonNode> fields = new ArrayList<>();
		collectFields(read(formSchema), fields);
		Set<String> keys = new java.util.TreeSet<>();
		fields.forEach(field -> keys.add(field.path("key").asText()));
		return keys;
	}

	public Map<String, Object> validate(InputStream formSchema, Map<String, Object> submitted) {
		List<JsonNode> fields = new ArrayList<>();
		collectFields(read(formSchema), fields);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> values = new LinkedHashMap<>();
		Set<String> editable = new java.util.HashSet<>();
		for (JsonNode field : fields) {
			String key = field.path("key").asText();
			editable.add(key);
			Object raw = submitted == null ? null : submitted.get(key);
			try {
				Object value = check(field, raw);
				if (value != null) {
					values.put(key, value);
				}
			}
			catch (FieldProblem problem) {
				errors.put(key, problem.getMessage());
			}
		}
		if (submitted != null) {
			for (String key : submitted.keySet()) {
				if (!editable.contains(key)) {
					errors.put(key, "This field is not part of this step.");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new BadRequestException("Some fields need your attention.", errors);
		}
		return values;
	}

	private JsonNode read(InputStream formSchema) {
		try (InputStream in = formSchema) {
			return objectMapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collectKeys(JsonNode node, Set<String> keys) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			collectKeys(component, keys);
		}
	}

	private static void collectFields(JsonNode node, List<JsonNode> fields) {
		for (JsonNode component : node.path("components")) {
			String type = component.path("type").asText();
			if (INPUT_TYPES.contains(type) && component.hasNonNull("key") && !component.path("readonly").asBoolean()
					&& !component.path("disabled").asBoolean()) {
				fields.add(component);
			}
			collectFields(component, fields);
		}
	}

	private static Object check(JsonNode field, Object raw) {
		String type = field.path("type").asText();
		JsonNode validate = field.path("validate");
		boolean conditional = field.has("conditional");
		boolean required = validate.path("required").asBoolean() && !conditional;
		if (isEmpty(raw)) {
			if (required) {
				throw new FieldProblem("This field is required.");
			}
			return null;
		}
		return switch (type) {
			case "checkbox" -> {
				if (!(raw instanceof Boolean checked)) {
					throw new FieldProblem("Must be true or false.");
				}
				if (required && !checked) {
					throw new FieldProblem("This box must be ticked to continue.");
				}
				yield checked;
			}
			case "number" -> number(validate, raw);
			case "select", "radio" -> {
				String value = String.valueOf(raw);
				if (!allowedValues(field).contains(value)) {
					throw new FieldProblem("Choose one of the listed options.");
				}
				yield value;
			}
			case "checklist", "taglist" -> {
				if (!(raw instanceof List<?> list)) {
					throw new FieldProblem("Must be a list of options.");
				}
				List<String> allowed = allowedValues(field);
				for (Object item : list) {
					if (!allowed.contains(String.valueOf(item))) {
						throw new FieldProblem("Choose only from the listed options.");
					}
				}
				yield List.copyOf(list.stream().map(String::valueOf).toList());
			}
			default -> text(validate, raw);
		};
	}

	private static String text(JsonNode validate, Object raw) {
		if (!(raw instanceof String text)) {
			throw new FieldProblem("Must be text.");
		}
		String value = text.strip();
		if (validate.has("minLength") && value.length() < validate.get("minLength").asInt()) {
			throw new FieldProblem("Must be at least " + validate.get("minLength").asInt() + " characters.");
		}
		if (validate.has("maxLength") && value.length() > validate.get("maxLength").asInt()) {
			throw new FieldProblem("Must be at most " + validate.get("maxLength").asInt() + " characters.");
		}
		if (validate.hasNonNull("pattern") && !matches(validate.get("pattern").asText(), value)) {
			throw new FieldProblem("Not in the expected format.");
		}
		return value;
	}

	private static Object number(JsonNode validate, Object raw) {
		BigDecimal number;
		try {
			number = new BigDecimal(String.valueOf(raw));
		}
		catch (NumberFormatException ex) {
			throw new FieldProblem("Must be a number.");
		}
		if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
			throw new FieldProblem("Must be at least " + validate.get("min").asText() + ".");
		}
		if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
			throw new FieldProblem("Must be at most " + validate.get("max").asText() + ".");
		}
		try {
			return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : number.doubleValue();
		}
		catch (ArithmeticException ex) {
			throw new FieldProblem("Must be a smaller number.");
		}
	}

	private static boolean matches(String pattern, String value) {
		try {
			return Pattern.compile(pattern).matcher(value).matches();
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalStateException("Form has an invalid pattern: " + pattern, ex);
		}
	}

	private static List<String> allowedValues(JsonNode field) {
		List<String> allowed = new ArrayList<>();
		field.path("values").forEach(option -> allowed.add(option.path("value").asText()));
		return allowed;
	}

	private static boolean isEmpty(Object raw) {
		return raw == null || (raw instanceof String text && text.isBlank())
				|| (raw instanceof List<?> list && list.isEmpty());
	}

	private static final class FieldProblem extends RuntimeException {

		FieldProblem(String message) {
			super(message, null, false, false);
		}

	}

}
