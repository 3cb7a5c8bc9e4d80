package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models and the code agree: every {@code formRef} names a form in {@code forms/}, every bean an expression
 * names exists, every process keeps its history time to live. (bpmnlint, run by {@code tools/model-lint/lint.sh} in
 * CI, checks the models themselves.)
 */
class ModelConsistencyTests extends ProcessTest {

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** {@code ${name.method(}: a method call on a bean. */
	private static final Pattern METHOD_CALL = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_]+\\(");

	/** Objects the engine itself offers to expressions. */
	private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "authenticatedUserId");

	@Autowired
	ApplicationContext context;

	@Test
	void everyFormRef_namesAFormInTheFormsFolder() throws IOException {
		Set<String> formIds = formIds();
		List<String> formRefs = new ArrayList<>();
		Set<String> beans = new TreeSet<>();
		models().forEach(model -> walk(model.getDocument().getRootElement(), formRefs, beans));

		assertThat(formIds).hasSizeGreaterThan(5);
		assertThat(formRefs).hasSizeGreaterThan(5).allSatisfy(formRef -> assertThat(formIds).contains(formRef));
	}

	@Test
	void everyBeanTheModelsName_exists() throws IOException {
		List<String> formRefs = new ArrayList<>();
		Set<String> beans = new TreeSet<>();
		models().forEach(model -> walk(model.getDocument().getRootElement(), formRefs, beans));

		assertThat(beans).contains("checkDocumentsDelegate", "sendEmailDelegate", "reviewTaskListener",
				"reviewSchedule");
		assertThat(beans).allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean " + bean).isTrue());
	}

	@Test
	void everyProcess_hasAHistoryTimeToLive() throws IOException {
		for (BpmnModelInstance model : models()) {
			for (Process process : model.getModelElementsByType(Process.class)) {
				assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
			}
		}
	}

	/**
	 * The README's diagrams are drawings of the models (tools/diagrams/render.sh): each process has one, and it shows
	 * exactly the model's flow elements (bpmn-js writes each element's id into the SVG), so a model changed without
	 * drawing it again fails here.
	 */
	@Test
	void everyProcess_hasAnUpToDateDiagramInTheDocs() throws IOException {
		Pattern drawn = Pattern.compile("data-element-id=\"([^\"]+)\"");
		for (BpmnModelInstance model : models()) {
			for (Process process : model.getModelElementsByType(Process.class)) {
				Path diagram = Path.of("docs/diagrams", process.getId() + ".svg");
				assertThat(diagram).as("diagram of " + process.getId() + ": run tools/diagrams/render.sh").exists();
				Set<String> ids = new TreeSet<>();
				Matcher matcher = drawn.matcher(Files.readString(diagram));
				while (matcher.find()) {
					if (!matcher.group(1).endsWith("_label")) {
						ids.add(matcher.group(1));
					}
				}
				Set<String> elements = new TreeSet<>();
				model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)
					.forEach(element -> elements.add(element.getId()));
				assertThat(ids).as(diagram + " is older than the model: run tools/diagrams/render.sh")
					.containsAll(elements);
				assertThat(elements).as(diagram + " shows elements the model no longer has: run tools/diagrams/render.sh")
					.containsAll(ids.stream().filter(id -> !id.startsWith(process.getId()) && !id.startsWith("Collaboration")
							&& !id.startsWith("Participant") && !id.startsWith("TextAnnotation")
							&& !id.startsWith("Association")).toList());
			}
		}
	}

	/** Collects the form references and the beans named by delegate expressions and method calls. */
	private static void walk(DomElement element, List<String> formRefs, Set<String> beans) {
		String formRef = element.getAttribute(CAMUNDA, "formRef");
		if (formRef != null) {
			formRefs.add(formRef);
		}
		String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
		if (delegate != null) {
			beans.add(delegate.replaceAll("[${}\\s]", ""));
		}
		List<String> expressions = new ArrayList<>();
		for (String attribute : List.of("dueDate", "followUpDate", "expression", "assignee")) {
			String value = element.getAttribute(CAMUNDA, attribute);
			if (value != null) {
				expressions.add(value);
			}
		}
		if (element.getChildElements().isEmpty() && element.getTextContent() != null) {
			expressions.add(element.getTextContent());
		}
		for (String expression : expressions) {
			Matcher call = METHOD_CALL.matcher(expression);
			while (call.find()) {
				if (!ENGINE_OBJECTS.contains(call.group(1))) {
					beans.add(call.group(1));
				}
			}
		}
		element.getChildElements().forEach(child -> walk(child, formRefs, beans));
	}

	private static List<BpmnModelInstance> models() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			return files.filter(file -> file.toString().endsWith(".bpmn"))
				.map(file -> Bpmn.readModelFromFile(file.toFile()))
				.toList();
		}
	}

	private static Set<String> formIds() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> ids = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("forms"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				ids.add(json.readTree(file.toFile()).path("id").asText());
			}
		}
		return ids;
	}

}
