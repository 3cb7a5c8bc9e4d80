package org.mmpcase.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.change.ChangeService;
import org.mmpcase.change.RegistrationChange;
import org.mmpcase.registration.Application;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A reported change reaches the reviewers like any review, with what changed (old -> new) in its facts. */
class ChangeCaseFactsTests extends ProcessTest {

	@Autowired
	CaseFacts facts;

	@Autowired
	ChangeService changes;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void reportedAddressChange_inTheQueue_factsShowOldAndNew() {
		Application initial = driver.registeredPatient(LocalDate.now().minusDays(5));
		Registration registration = registrations.findByApplicationOrderByIssuedAtDesc(initial).get(0);
		RegistrationChange change = changes.submit(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(), new ChangeService.ChangeRequest("address", null, null,
						"40 Oak Avenue", "New Haven", "06510", "utility-bill"),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		String number = change.getApplication().getApplicationNumber();

		CaseFacts.Facts read = facts.of(number, List.of(), Map.of());

		assertThat(read.kind()).isEqualTo("change");
		assertThat(read.change()).isEqualTo(new CaseFacts.ChangeFacts("address", registration.getRegistrationNumber(),
				"12 Elm Street, Hartford 06106", "40 Oak Avenue, New Haven 06510", "IN_REVIEW"));
		assertThat(read.documents()).singleElement().satisfies(document -> {
			assertThat(document.category()).isEqualTo("residency");
			assertThat(document.hint().addressFound()).as("compared with the new address").isTrue();
		});
		assertThat(read.history().changes()).extracting(CaseFacts.RegistrationChange::action)
			.contains("CHANGE_REQUESTED");
		assertThat(jdbc.queryForList("select application_kind from review_queue where application_number = ?",
				String.class, number)).containsExactly("change");
		assertThat(facts.of(initial.getApplicationNumber(), List.of(), Map.of()).change()).isNull();
	}

}
