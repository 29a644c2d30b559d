package dev.vai.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.token.AccessToken;
import dev.vai.token.RequestContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon without Axon Server: the local command bus, the JPA event store in the application's database (PostgreSQL,
 * or H2 in dev mode), Jackson with an {@code ObjectMapper} of its own for events, tokens and messages.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The aggregate is registered here so that token-domain carries no Spring annotation. */
    @Bean
    ConfigurerModule accessTokenAggregate() {
        return configurer -> configurer.configureAggregate(AccessToken.class);
    }

    /**
     * Axon's units of work in Spring's (JPA) transactions: the event, the read model and the outbox commit or roll
     * back together. Axon 4.13's own auto-configuration of this bean orders itself after Boot 3's Hibernate
     * auto-configuration by class name only; under Boot 4 (where that class moved) it is created only when the sort
     * happens to put it late enough, and Axon falls back to no transactions otherwise. Declared here, it never depends
     * on that order.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Axon's meters ({@code event_processor_*}, {@code command_bus_*}, ...: see MetricNames) in Boot's registry, the
     * one Prometheus
     * scrapes; replaces Axon's MicrometerMetricsAutoConfiguration (excluded, see TokenServiceApplication).
     */
    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    @Bean
    MetricsConfigurerModule axonMetrics(GlobalMetricRegistry axonMetricRegistry,
            @Value("${axon.metrics.micrometer.dimensional:false}") boolean dimensional) {
        return new MetricsConfigurerModule(axonMetricRegistry, dimensional);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jacksonSerializer();
    }

    private static Serializer jacksonSerializer() {
        ObjectMapper mapper = EventJson.mapper();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Copies the request context from each command's metadata onto the events it causes. */
    @Bean
    CorrelationDataProvider requestContextCorrelation() {
        return new SimpleCorrelationDataProvider(
                RequestContext.CLIENT_IP, RequestContext.USER_AGENT, RequestContext.REQUEST_ID);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
