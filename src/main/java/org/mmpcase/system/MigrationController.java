package org.mmpcase.system;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.mmpcase.shared.StaffAuthentication;
import org.mmpcase.shared.StaffGroups;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For process owners: move the running instances of a process to its latest version. */
@RestController
class MigrationController {

	private final MigrationService migrations;

	private final StaffAuthentication staff;

	MigrationController(MigrationService migrations, StaffAuthentication staff) {
		this.migrations = migrations;
		this.staff = staff;
	}

	@PostMapping("/staff/migrations/{processKey}")
	MigrationService.Report migrate(@PathVariable String processKey, HttpServletRequest request) {
		return staff.runAs(request, Set.of(StaffGroups.PROCESS_OWNERS, StaffGroups.ADMINS),
				() -> migrations.migrateToLatest(processKey));
	}

}
