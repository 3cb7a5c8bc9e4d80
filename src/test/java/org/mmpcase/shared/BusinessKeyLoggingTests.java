package org.mmpcase.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Which request paths name a case, and that a business key put into the log context is taken out again. */
class BusinessKeyLoggingTests {

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void applicationPaths_yieldTheNumber_otherPathsNone() {
		assertThat(BusinessKeyLogging.applicationNumber("/api/applications/A-7KQ3-M9XT")).isEqualTo("A-7KQ3-M9XT");
		assertThat(BusinessKeyLogging.applicationNumber("/api/applications/a-7kq3-m9xt/current-step"))
			.isEqualTo("A-7KQ3-M9XT");
		assertThat(BusinessKeyLogging.applicationNumber("/api/applications/A-7KQ3-M9XT/certificate.pdf"))
			.isEqualTo("A-7KQ3-M9XT");
		assertThat(BusinessKeyLogging.applicationNumber("/api/provider/certifications/A-7KQ3-M9XT/invitation"))
			.isEqualTo("A-7KQ3-M9XT");
		assertThat(BusinessKeyLogging.applicationNumber("/api/applications")).isNull();
		assertThat(BusinessKeyLogging.applicationNumber("/api/provider/certifications")).isNull();
		assertThat(BusinessKeyLogging.applicationNumber("/api/registrations/MMP-7KQ3-M9XT/dispensary")).isNull();
		assertThat(BusinessKeyLogging.applicationNumber("/api/applications/A-7KQ3-M9XTX")).isNull();
	}

	@Test
	void withBusinessKey_restoresWhatWasThere_alsoOnFailure() {
		assertThat(BusinessKeyLogging.withBusinessKey("A-2222-3333", () -> MDC.get("businessKey")))
			.isEqualTo("A-2222-3333");
		assertThat(MDC.get("businessKey")).isNull();

		MDC.put("businessKey", "A-4444-5555");
		assertThatThrownBy(() -> BusinessKeyLogging.withBusinessKey("A-2222-3333", () -> {
			throw new IllegalStateException("mail server away");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(MDC.get("businessKey")).as("the engine's or the request's key").isEqualTo("A-4444-5555");
	}

}
