package dev.vai.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.token.AccessToken;
import dev.vai.token.RequestContext;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon without Axon Server: the local command bus, the JDBC event store in the application's database (PostgreSQL,
 * or H2 in dev mode), Jackson with an {@code ObjectMapper} of its own for events, tokens and messages.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** SQLSTATE of a unique key's violation. */
    private static final String UNIQUE_VIOLATION = "23505";

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
     * Axon's JDBC event storage engine rather than its JPA one (which Axon's auto-configuration would pick, JPA being
     * on the classpath for the read model): the JPA engine made a Hibernate entity of every event, asked the sequence
     * for its global index in a statement of its own and flushed the session per command; this one writes a batch of
     * events as one JDBC batch in the transaction's connection (Spring's, shared with the read model and the outbox)
     * and leaves the global index to the column's default (V6). Same tables and guarantees (V1): bytea payloads, the
     * increment-1 sequence, and the unique aggregate/sequence key as the optimistic lock, whose violation (SQLSTATE
     * 23505, on PostgreSQL and H2 alike) Axon turns into its ConcurrencyException, which TokenLifecycle retries.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration configuration,
            DataSource dataSource, TransactionManager axonTransactionManager) {
        EventSchema schema = EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(axonTransactionManager)
                .schema(schema)
                .dataType(byte[].class)
                .build();
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
