package org.mmpcase.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PaymentProperties.class, StripeProperties.class })
class PaymentConfiguration {

}
