package org.mmpcase.payment;

import java.time.Clock;
import java.util.Optional;

import org.mmpcase.registration.Application;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The card each application's fee is to be charged to: the last one the applicant entered. */
@Service
public class PaymentCards {

	private final PaymentCardRepository cards;

	private final Clock clock;

	PaymentCards(PaymentCardRepository cards, Clock clock) {
		this.cards = cards;
		this.clock = clock;
	}

	/** Keeps the card for the application's fee, in place of any card entered before. */
	@Transactional
	public void keep(Application application, PaymentMethod method) {
		PaymentCard card = cards.findById(application.getId()).orElseGet(() -> new PaymentCard(application.getId()));
		card.entered(method, clock.instant());
		cards.save(card);
	}

	/** The card last entered for the application's fee, if any. */
	@Transactional(readOnly = true)
	public Optional<PaymentMethod> of(Application application) {
		return cards.findById(application.getId()).map(PaymentCard::method);
	}

}
