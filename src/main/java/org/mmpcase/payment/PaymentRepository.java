package org.mmpcase.payment;

import java.util.Collection;
import java.util.List;

import org.mmpcase.registration.Application;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

	List<Payment> findByApplicationAndPaymentMethodTokenAndStatusInOrderByCreatedAtDesc(Application application,
			String paymentMethodToken, Collection<Payment.Status> statuses);

	List<Payment> findByApplicationOrderByCreatedAtDesc(Application application);

}
