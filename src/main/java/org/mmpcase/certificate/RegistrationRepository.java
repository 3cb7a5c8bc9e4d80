package org.mmpcase.certificate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RegistrationRepository extends JpaRepository<Registration, Long> {

	Optional<Registration> findByRegistrationNumber(String registrationNumber);

	List<Registration> findByApplicationOrderByIssuedAtDesc(Application application);

	List<Registration> findByHolderAndStatusOrderByIssuedAtDesc(Person holder, Registration.Status status);

	List<Registration> findByHolderOrderByIssuedAtDesc(Person holder);

	/** The registration, locked until the transaction ends: changes of one registration run one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Registration r where r.registrationNumber = ?1")
	Optional<Registration> lockByRegistrationNumber(String registrationNumber);

	/**
	 * The patient's own registrations (holder and patient) in these statuses, newest first, locked until the
	 * transaction ends: a patient's registration and their caregiver's are issued one after the other, so the
	 * caregiver's sees the patient's (and the patient's sees the caregiver's) whichever comes first.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Registration r where r.holder = ?1 and r.patient = ?1"
			+ " and r.role = org.mmpcase.registration.ApplicantRole.PATIENT and r.status in ?2 order by r.issuedAt desc")
	List<Registration> lockPatientsOwn(Person patient, Collection<Registration.Status> statuses);

	/** The caregivers' registrations for a patient (role CAREGIVER, the patient's person) in these statuses. */
	@Query("select r from Registration r where r.patient = ?1 and r.role = org.mmpcase.registration.ApplicantRole.CAREGIVER"
			+ " and r.status in ?2 order by r.issuedAt desc")
	List<Registration> caregiversOf(Person patient, Collection<Registration.Status> statuses);

}
