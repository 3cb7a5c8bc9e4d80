package org.mmpcase.caregiver;

import java.util.List;

import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaregiverLinkRepository extends JpaRepository<CaregiverLink, Long> {

	List<CaregiverLink> findByPatientAndActiveTrue(Person patient);

	List<CaregiverLink> findByCaregiverAndActiveTrue(Person caregiver);

}
