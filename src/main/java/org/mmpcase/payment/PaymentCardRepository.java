package org.mmpcase.payment;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentCardRepository extends JpaRepository<PaymentCard, Long> {

}
