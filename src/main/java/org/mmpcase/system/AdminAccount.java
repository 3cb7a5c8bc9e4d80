package org.mmpcase.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.mmpcase.shared.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The Camunda administrator {@code admin}, created when missing with the password from {@code mmp.admin-password}.
 * Only the run default (demo data on) falls back to the password {@code admin}; anywhere else no password means no
 * administrator is created, and the log says how to set one.
 */
@Component
@Order(1)
class AdminAccount implements ApplicationRunner {

	static final String ADMIN_ID = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final IdentityService identityService;

	private final String password;

	AdminAccount(IdentityService identityService, @Value("${mmp.admin-password:}") String password,
			@Value("${mmp.demo-data:false}") boolean demoData) {
		this.identityService = identityService;
		this.password = StringUtils.hasText(password) ? password : demoData ? "admin" : null;
	}

	@Override
	public void run(ApplicationArguments args) {
		StaffGroups.ensure(identityService, StaffGroups.ADMINS, "Administrators", "SYSTEM");
		if (identityService.createUserQuery().userId(ADMIN_ID).count() > 0) {
			return;
		}
		if (password == null) {
			log.warn("No administrator: set MMP_ADMIN_PASSWORD to create the Camunda user '{}'", ADMIN_ID);
			return;
		}
		User admin = identityService.newUser(ADMIN_ID);
		admin.setFirstName("Program");
		admin.setLastName("Administrator");
		admin.setPassword(password);
		identityService.saveUser(admin);
		identityService.createMembership(ADMIN_ID, StaffGroups.ADMINS);
	}

}
