package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production mode refuses to start without its settings, and says which are missing. */
class ProductionModeStartupIT {

    @TempDir
    Path workDir;

    @Test
    void withoutItsSecretsProductionModeStopsAndNamesEveryMissingSetting() {
        try (AppProcess app = AppProcess.start(workDir, Map.of("VAI_DB_URL", "jdbc:postgresql://127.0.0.1:1/none"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.log()).contains("APPLICATION FAILED TO START")
                    .contains("VAI_DB_USER is not set")
                    .contains("VAI_KAFKA_BOOTSTRAP is not set")
                    .contains("VAI_ADMIN_KEY is not set")
                    .contains("VAI_SECRET_KEY is not set")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aSecretThatIsTooShortIsRefusedToo() {
        try (AppProcess app = AppProcess.start(workDir, Map.of("VAI_DB_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "VAI_DB_USER", "vai", "VAI_KAFKA_BOOTSTRAP", "localhost:1", "VAI_ADMIN_KEY", "short",
                "VAI_SECRET_KEY", "x".repeat(40)))) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.log()).contains("VAI_ADMIN_KEY must have at least 24 characters")
                    .doesNotContain("short\"").doesNotContain("x".repeat(40));
        }
    }
}
