package dev.vai.export.outbox;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox writer's processing group. Subscribing ({@code application.yml}): each event's audit record is written
 * in the event's own transaction, so no gap can lose it. It must roll the command back if it fails (an event without
 * its record is a loss), so it propagates errors instead of Axon's default of logging and carrying on.
 */
@Configuration(proxyBeanMethods = false)
public class AuditOutboxProcessing {

    /** The processing group's name, as {@code application.yml} configures it. */
    public static final String GROUP = "audit-outbox";

    @Bean
    ConfigurerModule auditOutboxPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
