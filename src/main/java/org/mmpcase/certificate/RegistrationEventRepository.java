package org.mmpcase.certificate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegistrationEventRepository extends JpaRepository<RegistrationEvent, Long> {

	List<RegistrationEvent> findByRegistrationOrderByOccurredAtAscIdAsc(Registration registration);

	@Query("select e from RegistrationEvent e join fetch e.registration r where r.holder = ?1"
			+ " order by e.occurredAt desc, e.id desc")
	List<RegistrationEvent> ofHolder(Person holder);

	@Query("select count(e) > 0 from RegistrationEvent e where e.registration.holder = ?1 and e.action in ?2"
			+ " and e.occurredAt > ?3")
	boolean existsForHolderSince(Person holder, Collection<RegistrationEvent.Action> actions, Instant since);

}
