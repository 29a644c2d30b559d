package dev.vai.projection.token;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's processing group. Subscribing ({@code application.yml}): its rows commit in the command's own
 * transaction, so a token works the moment it is issued and fails the moment its revocation returns. Axon's default
 * listener error handler logs and carries on, which would commit an event without its read-model row; this group
 * propagates instead, so a failing projection rolls the command back.
 */
@Configuration(proxyBeanMethods = false)
public class TokenViewProcessing {

    /** The processing group's name, as {@code application.yml} configures it. */
    public static final String GROUP = "token-view";

    @Bean
    ConfigurerModule tokenViewPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
