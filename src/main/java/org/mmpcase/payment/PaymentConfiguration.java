package org.mmpcase.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling runs the receipt sweep ({@link PaymentReceipts#sendOwed}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ PaymentProperties.class, StripeProperties.class })
class PaymentConfiguration {

}
