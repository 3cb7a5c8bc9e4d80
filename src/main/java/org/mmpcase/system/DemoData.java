package org.mmpcase.system;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.mmpcase.account.Account;
import org.mmpcase.account.AccountRepository;
import org.mmpcase.shared.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo staff (Camunda users and groups) and a demo provider, created when missing. On only in the run default
 * ({@code mmp.demo-data=true}); the postgres profile turns it off. Passwords are in the README. The administrator is
 * {@link AdminAccount}'s.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "mmp.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final String PROVIDER_USERNAME = "provider@example.org";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private record Staff(String id, String firstName, String lastName, String password, List<String> groups) {
	}

	private final IdentityService identityService;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	DemoData(IdentityService identityService, AccountRepository accounts, PasswordEncoder passwordEncoder,
			Clock clock) {
		this.identityService = identityService;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		StaffGroups.ensure(identityService, StaffGroups.REVIEWERS, "DCP reviewers", "WORKFLOW");
		StaffGroups.ensure(identityService, StaffGroups.SUPERVISORS, "DCP supervisors", "WORKFLOW");
		StaffGroups.ensure(identityService, StaffGroups.PROCESS_OWNERS, "Process owners", "WORKFLOW");
		List.of(new Staff("reviewer", "Riley", "Reviewer", "reviewer", List.of(StaffGroups.REVIEWERS)),
				new Staff("supervisor", "Sam", "Supervisor", "supervisor",
						List.of(StaffGroups.SUPERVISORS, StaffGroups.REVIEWERS)),
				new Staff("owner", "Pat", "Owner", "owner", List.of(StaffGroups.PROCESS_OWNERS)))
			.forEach(this::user);
		if (accounts.findByUsername(PROVIDER_USERNAME).isEmpty()) {
			accounts.save(Account.provider(PROVIDER_USERNAME, "Dr. Morgan Provider", passwordEncoder.encode("provider"),
					clock.instant()));
		}
		log.info("Demo users present: reviewer, supervisor, owner (Camunda) and {} (provider)",
				PROVIDER_USERNAME);
	}

	private void user(Staff staff) {
		if (identityService.createUserQuery().userId(staff.id()).count() > 0) {
			return;
		}
		User user = identityService.newUser(staff.id());
		user.setFirstName(staff.firstName());
		user.setLastName(staff.lastName());
		user.setEmail(staff.id() + "@dcp.example.org");
		user.setPassword(staff.password());
		identityService.saveUser(user);
		staff.groups().forEach(group -> identityService.createMembership(staff.id(), group));
	}

}
