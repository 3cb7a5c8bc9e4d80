package org.mmpcase.portal;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mmp.portal.drafts.*}: what the portal keeps of a step the applicant has not finished.
 *
 * @param excludedFields form fields never kept in a draft (card data: PCI DSS forbids storing the CVC, and the card
 * number has no business sitting in the engine's variables)
 * @param maxChars the largest draft kept (as JSON), so that a draft always fits a Camunda string variable
 */
@ConfigurationProperties("mmp.portal.drafts")
public record PortalDraftProperties(Set<String> excludedFields, Integer maxChars) {

	public PortalDraftProperties {
		excludedFields = excludedFields == null ? Set.of("cardholderName", "cardNumber", "cardExpiry", "cardCvc")
				: Set.copyOf(excludedFields);
		maxChars = maxChars == null ? 4000 : maxChars;
	}

}
