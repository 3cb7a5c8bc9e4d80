package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

class DispensaryChangeTests extends ProcessTest {

	@Autowired
	DispensaryChanges dispensaries;

	@Autowired
	RegistrationRepository registrations;

	@Test
	void dispensary_fourChangesAllowed_fifthRefusedWithAClearMessage() {
		Registration registration = registeredAt();
		String holder = registration.getHolder().getEmail();
		List<String> codes = List.of("DSP-BRISTOL", "DSP-STAMFORD", "DSP-NORWICH", "DSP-NEWHAVEN");

		codes.forEach(code -> dispensaries.change(registration.getRegistrationNumber(), holder, code));

		assertThat(registrations.findById(registration.getId()).orElseThrow().getDispensaryCode())
			.isEqualTo("DSP-NEWHAVEN");
		assertThatThrownBy(
				() -> dispensaries.change(registration.getRegistrationNumber(), holder, "DSP-TORRINGTON"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already changed dispensary 4 times");
		assertThat(registrations.findById(registration.getId()).orElseThrow().getDispensaryCode())
			.isEqualTo("DSP-NEWHAVEN");
	}

	@Test
	void dispensary_unknownCode_refused_andSomeoneElsesRegistration_notFound() {
		Registration registration = registeredAt();

		assertThatThrownBy(() -> dispensaries.change(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(), "DSP-NOWHERE"))
			.isInstanceOf(BadRequestException.class);
		assertThatThrownBy(
				() -> dispensaries.change(registration.getRegistrationNumber(), "someone@example.net", "DSP-BRISTOL"))
			.isInstanceOf(CaseNotFoundException.class);
	}

	private Registration registeredAt() {
		Application application = driver.registeredPatient(LocalDate.now().minusDays(5));
		return registrations.findByApplicationOrderByIssuedAtDesc(application).get(0);
	}

}
