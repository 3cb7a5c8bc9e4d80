package org.mmpcase.portal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The portal's settings; its pages are served with the workspace's (system/FrontEndWebConfiguration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalDraftProperties.class)
class PortalWebConfiguration {

}
