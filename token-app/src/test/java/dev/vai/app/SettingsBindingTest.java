package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vai.api.web.ApiSettings;
import dev.vai.export.AuditSettings;
import dev.vai.export.KafkaSettings;
import dev.vai.lifecycle.LifecycleSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    @Test
    void theDrainLeaseBindsOnATurkishJvmToo() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(environment(Map.of("VAI_AUDIT_DRAIN_LEASE", "advisory-lock")).bind("vai.audit",
                    AuditSettings.class).get().drainLease()).isEqualTo(AuditSettings.DrainLeaseKind.ADVISORY_LOCK);
            assertThat(environment(Map.of("VAI_AUDIT_DRAIN_LEASE", "in-process")).bind("vai.audit",
                    AuditSettings.class).get().drainLease()).isEqualTo(AuditSettings.DrainLeaseKind.IN_PROCESS);
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(environment(Map.of("VAI_AUDIT_TOPIC", "audit")).bind("vai.audit", AuditSettings.class).get()
                .drainLease()).as("the default is the safe one").isEqualTo(AuditSettings.DrainLeaseKind.ADVISORY_LOCK);
    }

    private static LifecycleSettings lifecycle(Map<String, Object> variables) {
        return environment(variables).bindOrCreate("vai", LifecycleSettings.class);
    }

    private static ApiSettings api(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(Map.of("VAI_SECRET_KEY", "s".repeat(32), "VAI_ADMIN_KEY", "a".repeat(24)));
        all.putAll(variables);
        return environment(all).bind("vai", ApiSettings.class).get();
    }

    @Test
    void leastPrivilegeIsTheDefault() {
        assertThat(api(Map.of()).scopeCatalog().all().names()).containsExactly("api", "tokens:read", "tokens:write");
        LifecycleSettings defaults = lifecycle(Map.of());
        assertThat(defaults.lifetimePolicy().largestRequest()).isEqualTo(366);
        assertThat(defaults.lifetimePolicy().defaultDays()).isEqualTo(90);
        assertThat(defaults.maxActiveKeysPerOwner()).isEqualTo(1000);
    }

    @Test
    void theScopesAndTheLifetimesTakeTheirVariables() {
        Map<String, Object> variables = Map.of("VAI_SCOPES", "billing, reports.read", "VAI_MAX_TOKEN_LIFETIME_DAYS",
                "none", "VAI_DEFAULT_TOKEN_LIFETIME_DAYS", "none", "VAI_MAX_ACTIVE_KEYS_PER_OWNER", "5");
        assertThat(api(variables).scopeCatalog().all().names())
                .containsExactly("billing", "reports.read", "tokens:read", "tokens:write");
        LifecycleSettings set = lifecycle(variables);
        assertThat(set.lifetimePolicy().defaultLifetime()).as("never expires").isNull();
        assertThat(set.maxActiveKeysPerOwner()).isEqualTo(5);
    }

    @Test
    void startUpRefusesWhatWouldWidenAuthorityAndNamesTheSetting() {
        for (Map.Entry<Map<String, Object>, String> refused : List.of(
                Map.entry(Map.<String, Object>of("VAI_SCOPES", "api,tokens:admin"), "'tokens:admin' is reserved"),
                Map.entry(Map.<String, Object>of("VAI_SCOPES", "API"), "'API' is not a valid scope name"),
                Map.entry(Map.<String, Object>of("VAI_DEFAULT_TOKEN_LIFETIME_DAYS", "none"),
                        "VAI_DEFAULT_TOKEN_LIFETIME_DAYS=none"),
                Map.entry(Map.<String, Object>of("VAI_DEFAULT_TOKEN_LIFETIME_DAYS", "400"), "must not exceed"),
                Map.entry(Map.<String, Object>of("VAI_MAX_ACTIVE_KEYS_PER_OWNER", "0"),
                        "VAI_MAX_ACTIVE_KEYS_PER_OWNER"))) {
            assertThatThrownBy(() -> {
                api(refused.getKey());
                lifecycle(refused.getKey());
            }).as(refused.getValue()).rootCause().hasMessageContaining(refused.getValue());
        }
    }
}
