package org.mmpcase.portal;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param draftExcludedFields form fields never kept in a draft (card data: PCI DSS forbids storing the CVC, and the
 * card number has no business sitting in the engine's variables)
 * @param draftMaxChars the largest draft kept (as JSON), so a draft always fits a Camunda string variable
 */
@ConfigurationProperties("mmp.portal")
public record PortalProperties(Set<String> draftExcludedFields, Integer draftMaxChars) {

	public PortalProperties {
		draftExcludedFields = draftExcludedFields == null
				? Set.of("cardholderName", "cardNumber", "cardExpiry", "cardCvc") : Set.copyOf(draftExcludedFields);
		draftMaxChars = draftMaxChars == null ? 4000 : draftMaxChars;
	}

}
