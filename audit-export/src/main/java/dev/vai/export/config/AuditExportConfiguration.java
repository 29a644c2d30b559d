package dev.vai.export.config;

import dev.vai.export.AuditMetrics;
import dev.vai.export.AuditSettings;
import dev.vai.export.KafkaSettings;
import dev.vai.export.kafka.AuditPublisher;
import dev.vai.export.outbox.DrainLease;
import dev.vai.export.outbox.OutboxDrainer;
import dev.vai.export.outbox.OutboxStore;
import dev.vai.export.outbox.PostgresDrainLease;
import dev.vai.export.outbox.SingleInstanceDrainLease;
import dev.vai.export.record.CloudEvents;
import dev.vai.export.replay.AuditReplay;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuditSettings.class, KafkaSettings.class})
class AuditExportConfiguration {

    @Bean
    CloudEvents cloudEvents(AuditSettings settings) {
        return new CloudEvents(settings.source(), settings.schemaBase());
    }

    @Bean
    AuditPublisher auditPublisher(KafkaSettings kafka, AuditSettings audit, AuditMetrics metrics) {
        if (kafka.bootstrap() == null || kafka.bootstrap().isBlank()) {
            throw new IllegalStateException("VAI_KAFKA_BOOTSTRAP (vai.kafka.bootstrap) is not set");
        }
        return new AuditPublisher(kafka, audit, metrics);
    }

    /** Several instances on one PostgreSQL take turns by lock; one instance on its own database needs none. */
    @Bean
    DrainLease drainLease(AuditSettings settings, Environment environment) {
        return switch (settings.drainLease()) {
            case ADVISORY_LOCK -> new PostgresDrainLease(environment.getRequiredProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
            case IN_PROCESS -> new SingleInstanceDrainLease();
        };
    }

    @Bean
    OutboxDrainer outboxDrainer(OutboxStore store, AuditPublisher publisher, DrainLease lease, AuditMetrics metrics,
            AuditSettings settings, TaskScheduler scheduler) {
        return new OutboxDrainer(store, publisher, lease, metrics, settings, scheduler);
    }

    @Bean
    AuditReplay auditReplay(EventStorageEngine events, CloudEvents cloudEvents, OutboxStore outbox,
            OutboxDrainer drainer, PlatformTransactionManager transactionManager, Clock clock) {
        return new AuditReplay(events, cloudEvents, outbox, drainer, transactionManager, clock);
    }
}
