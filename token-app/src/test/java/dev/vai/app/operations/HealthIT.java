package dev.vai.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The probes a platform asks: liveness, readiness (with the database, without the exporter), and the full view. */
@ServiceIT
class HealthIT {

    @Autowired
    Api api;

    @Test
    void livenessAndReadinessAreUpAndReadinessDependsOnTheDatabaseOnly() {
        Api.Response liveness = api.get("/actuator/health/liveness");
        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.has("auditExport")).as("Kafka trouble must not take the service out of rotation")
                .isFalse();
    }

    @Test
    void theFullViewShowsTheExporter() {
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode export = health.json().get("components").get("auditExport");
        assertThat(export.get("status").asText()).isEqualTo("UP");
        assertThat(export.get("details").has("backlogEvents")).isTrue();
        assertThat(export.get("details").has("lagSeconds")).isTrue();
    }
}
