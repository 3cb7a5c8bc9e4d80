package org.mmpcase.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.mmpcase.registration.Application;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

	List<Payment> findByApplicationAndPaymentMethodTokenAndStatusInOrderByCreatedAtDesc(Application application,
			String paymentMethodToken, Collection<Payment.Status> statuses);

	List<Payment> findByApplicationOrderByCreatedAtDesc(Application application);

	/** Succeeded payments whose receipt is still to be sent. */
	List<Payment> findTop100ByStatusAndReceiptSentAtIsNullOrderByUpdatedAtAsc(Payment.Status status);

	/** The payment, locked: one receipt sender at a time per payment. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> findLockedById(@Param("id") Long id);

	List<Payment> findByApplicationAndStatusInOrderByCreatedAtAsc(Application application,
			Collection<Payment.Status> statuses);

}
