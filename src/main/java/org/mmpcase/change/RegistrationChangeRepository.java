package org.mmpcase.change;

import java.util.List;
import java.util.Optional;

import org.mmpcase.certificate.Registration;
import org.mmpcase.registration.Application;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationChangeRepository extends JpaRepository<RegistrationChange, Long> {

	Optional<RegistrationChange> findByApplication(Application application);

	List<RegistrationChange> findByRegistrationAndStatus(Registration registration, RegistrationChange.Status status);

}
