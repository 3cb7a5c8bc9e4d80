package org.mmpcase.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The app's periodic work, on every node (each run is safe to repeat and locks what it takes): the payment receipt
 * and invitation sweeps, the orphan-file cleanup and the document retention. The engine's own timers and retries
 * are jobs of the job executor instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
