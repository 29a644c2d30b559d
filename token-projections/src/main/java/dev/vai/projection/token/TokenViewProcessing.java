package dev.vai.projection.token;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's default listener error handler logs and carries on, which would commit an event without its read-model
 * row. This group propagates instead, so a failing projection rolls the command back.
 */
@Configuration(proxyBeanMethods = false)
class TokenViewProcessing {

    @Bean
    ConfigurerModule tokenViewPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                TokenViewProjection.GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
