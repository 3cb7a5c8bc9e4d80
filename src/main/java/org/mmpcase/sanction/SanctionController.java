package org.mmpcase.sanction;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.mmpcase.certificate.Registration;
import org.mmpcase.shared.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * DCP staff propose, follow and lift suspensions and revocations. Under the reviewer workspace's API
 * ({@code /review/api}, workspace/WorkspaceSecurityConfiguration): its security chain signs staff in with the Camunda
 * session, demands the CSRF header on changes and lets only staff with Tasklist access through; the groups are
 * checked here. Supervisors decide a proposal in Tasklist (filter "Suspensions and revocations").
 */
@RestController
class SanctionController {

	static final String SANCTIONS = "/review/api/registrations/{registrationNumber}/sanctions";

	static final String MAY_NOT_PROPOSE = "Only reviewers and supervisors propose suspensions and revocations.";

	static final String MAY_NOT_LIFT = "Only supervisors lift a suspension.";

	private final SanctionService sanctions;

	private final IdentityService identityService;

	SanctionController(SanctionService sanctions, IdentityService identityService) {
		this.sanctions = sanctions;
		this.identityService = identityService;
	}

	@GetMapping(SANCTIONS)
	SanctionService.Overview overview(@PathVariable String registrationNumber) {
		return sanctions.overview(registrationNumber);
	}

	/** Body: the fields of forms/sanction/propose-sanction.form (kind, reason, note, effectiveOn, lastDay). */
	@PostMapping(SANCTIONS)
	ResponseEntity<SanctionService.Open> propose(Authentication user, @PathVariable String registrationNumber,
			@RequestBody Map<String, Object> proposal) {
		requireGroup(user, Set.of(StaffGroups.REVIEWERS, StaffGroups.SUPERVISORS), MAY_NOT_PROPOSE);
		SanctionService.Open open = sanctions.propose(registrationNumber, user.getName(), proposal);
		return ResponseEntity
			.created(URI.create(SANCTIONS.replace("{registrationNumber}", registrationNumber)))
			.body(open);
	}

	record Lift(String note) {
	}

	@PostMapping(SANCTIONS + "/lift")
	Map<String, Object> lift(Authentication user, @PathVariable String registrationNumber,
			@RequestBody(required = false) Lift body) {
		requireGroup(user, Set.of(StaffGroups.SUPERVISORS), MAY_NOT_LIFT);
		Registration registration = sanctions.lift(registrationNumber, user.getName(),
				body == null ? null : body.note());
		return Map.of("registrationNumber", registration.getRegistrationNumber(), "status",
				registration.getStatus().name());
	}

	/** The groups as of now (Camunda's identity service), so a change in Admin applies at once. */
	private void requireGroup(Authentication user, Set<String> allowed, String refusal) {
		boolean member = identityService.createGroupQuery()
			.groupMember(user.getName())
			.list()
			.stream()
			.map(Group::getId)
			.anyMatch(allowed::contains);
		if (!member) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
		}
	}

}
