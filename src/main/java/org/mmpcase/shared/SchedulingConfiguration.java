package org.mmpcase.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The app's periodic work, on every node (each run is safe to repeat and locks what it takes): the invitation
 * sweep, the resubmission of events whose listener failed, the orphan-file cleanup and the document retention. The
 * engine's own timers and retries are jobs of the job executor instead. Asynchronous: the listeners of events
 * between modules ({@code @ApplicationModuleListener}) run after their transaction committed, on Spring's task
 * executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

}
