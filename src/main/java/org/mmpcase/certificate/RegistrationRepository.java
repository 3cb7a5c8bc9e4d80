package org.mmpcase.certificate;

import java.util.List;
import java.util.Optional;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationRepository extends JpaRepository<Registration, Long> {

	Optional<Registration> findByRegistrationNumber(String registrationNumber);

	List<Registration> findByApplicationOrderByIssuedAtDesc(Application application);

	List<Registration> findByHolderAndStatusOrderByIssuedAtDesc(Person holder, Registration.Status status);

	List<Registration> findByHolderOrderByIssuedAtDesc(Person holder);

}
