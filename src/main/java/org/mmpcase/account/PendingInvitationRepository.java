package org.mmpcase.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PendingInvitationRepository extends JpaRepository<PendingInvitation, Long> {

	List<PendingInvitation> findTop50ByClosedAtIsNullAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
			Instant now);

	List<PendingInvitation> findByPersonAndRoleAndClosedAtIsNull(Person person, Account.Role role);

	/** The invitation, locked: one sender at a time, on any node. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from PendingInvitation p where p.id = :id")
	Optional<PendingInvitation> findLockedById(@Param("id") Long id);

}
