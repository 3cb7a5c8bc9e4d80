package org.mmpcase.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code mmp.payment.*}: which gateway takes the cards, and in which currency fees are charged. */
@ConfigurationProperties("mmp.payment")
record PaymentProperties(@DefaultValue("sandbox") String gateway, @DefaultValue("USD") String currency) {
}
