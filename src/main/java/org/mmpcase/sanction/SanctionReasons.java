package org.mmpcase.sanction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.mmpcase.shared.DeployedModels;
import org.mmpcase.shared.FormSchemaValidator;
import org.springframework.stereotype.Component;

/**
 * The proposal's fields and the list of reasons, as a process owner keeps them: the list of reasons LIVES IN
 * {@code forms/sanction/propose-sanction.form} (the options of its "reason" select: value = the code written to the
 * history, label = what the supervisor and the holder read). The latest deployed version of that form is what a
 * proposal is checked against, so an edited and deployed form changes the list without a release.
 */
@Component
class SanctionReasons {

	static final String FORM_ID = "propose-sanction";

	/** Keys of the propose form's fields, also the API's field names. */
	static final String KIND = "kind";

	static final String REASON = "reason";

	static final String NOTE = "note";

	static final String EFFECTIVE_ON = "effectiveOn";

	static final String LAST_DAY = "lastDay";

	/** The reason a provider's withdrawal of a certification proposes (it must stay in the form's list). */
	static final String CERTIFICATION_WITHDRAWN = "certification-withdrawn";

	private final RepositoryService repositoryService;

	private final FormSchemaValidator validator;

	private final ObjectMapper json;

	SanctionReasons(RepositoryService repositoryService, FormSchemaValidator validator, ObjectMapper json) {
		this.repositoryService = repositoryService;
		this.validator = validator;
		this.json = json;
	}

	/** The submitted proposal checked against the deployed form (400 at the field, as the form promises). */
	Map<String, Object> validate(Map<String, Object> submitted) {
		return validator.validate(new ByteArrayInputStream(form()), submitted);
	}

	/** Code to label, in the form's order. */
	Map<String, String> reasons() {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (JsonNode component : read(form()).path("components")) {
			if (REASON.equals(component.path("key").asText())) {
				component.path("values")
					.forEach(option -> reasons.put(option.path("value").asText(), option.path("label").asText()));
			}
		}
		return reasons;
	}

	String label(String code) {
		return reasons().getOrDefault(code, code);
	}

	/**
	 * The newest deployed version of the form. ModelDeployer deploys only what changed, so the newest deployment
	 * need not hold it: the deployments are looked at newest first.
	 */
	private byte[] form() {
		List<Deployment> deployments = repositoryService.createDeploymentQuery()
			.deploymentName(DeployedModels.DEPLOYMENT_NAME)
			.orderByDeploymentTime()
			.desc()
			.list();
		for (Deployment deployment : deployments) {
			for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
				if (name.equals(FORM_ID + ".form") || name.endsWith("/" + FORM_ID + ".form")) {
					byte[] bytes = bytes(repositoryService.getResourceAsStream(deployment.getId(), name));
					if (FORM_ID.equals(read(bytes).path("id").asText())) {
						return bytes;
					}
				}
			}
		}
		throw new IllegalStateException("The form " + FORM_ID + " is not deployed");
	}

	private static byte[] bytes(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode read(byte[] bytes) {
		try {
			return json.readTree(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
