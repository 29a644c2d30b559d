package dev.vai.lifecycle;

import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's own beans: its settings, the lifetime policy the endpoints and the OpenAPI document read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleSettings.class)
class LifecycleConfiguration {

    @Bean
    LifetimePolicy lifetimePolicy(LifecycleSettings settings) {
        return settings.lifetimePolicy();
    }

    /** The source of every plaintext's secret part. */
    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
