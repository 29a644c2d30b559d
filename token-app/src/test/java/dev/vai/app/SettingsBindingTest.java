package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.export.AuditSettings;
import dev.vai.export.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the README documents bind to the settings they name. */
class SettingsBindingTest {

    private static Binder environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return new Binder(ConfigurationPropertySources.get(environment));
    }

    @Test
    void kafkaClientPropertiesPassThroughFromTheEnvironment() {
        KafkaSettings kafka = environment(Map.of(
                "VAI_KAFKA_BOOTSTRAP", "broker-1:9093,broker-2:9093",
                "VAI_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL",
                "VAI_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/vai/truststore.p12"))
                .bind("vai.kafka", KafkaSettings.class).get();
        assertThat(kafka.bootstrap()).isEqualTo("broker-1:9093,broker-2:9093");
        assertThat(kafka.properties()).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/vai/truststore.p12");
    }

    @Test
    void auditSettingsHaveDefaultsAndTakeTheirVariables() {
        AuditSettings defaults = environment(Map.of("VAI_AUDIT_TOPIC", "audit")).bind("vai.audit", AuditSettings.class)
                .get();
        assertThat(defaults.topic()).isEqualTo("audit");
        assertThat(defaults.batchSize()).isEqualTo(500);
        assertThat(defaults.topicReplicationFactor()).isEqualTo((short) 3);
        AuditSettings set = environment(Map.of("VAI_AUDIT_BATCH_SIZE", "50", "VAI_AUDIT_POLL_INTERVAL", "250ms",
                "VAI_AUDIT_CREATE_TOPIC", "true")).bind("vai.audit", AuditSettings.class).get();
        assertThat(set.batchSize()).isEqualTo(50);
        assertThat(set.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.createTopic()).isTrue();
    }
}
