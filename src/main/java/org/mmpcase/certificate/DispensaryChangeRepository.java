package org.mmpcase.certificate;

import java.time.Instant;

import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DispensaryChangeRepository extends JpaRepository<DispensaryChange, Long> {

	/** Changes by this holder since a moment, across their registrations (a renewal does not reset the count). */
	@Query("select count(c) from DispensaryChange c where c.registration.holder = ?1 and c.changedAt > ?2")
	long countByHolderSince(Person holder, Instant since);

	/** The oldest change by this holder since a moment: the next change is possible once it left the window. */
	@Query("select min(c.changedAt) from DispensaryChange c where c.registration.holder = ?1 and c.changedAt > ?2")
	Instant oldestByHolderSince(Person holder, Instant since);

}
