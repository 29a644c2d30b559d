package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a child process, for each rule of the mode decision: settings that do not say one mode clearly,
 * or a production mode without its settings, stop the start and name what to set; nothing secret is printed.
 */
class ModeStartupIT {

    private static final String DB = "jdbc:postgresql://127.0.0.1:1/none";

    @TempDir
    Path workDir;

    private String refused(Map<String, String> environment, String... jvmOptions) {
        try (AppProcess app = AppProcess.start(workDir, environment, jvmOptions)) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.log()).isNotZero();
            assertThat(app.log()).contains("APPLICATION FAILED TO START").doesNotContain("\tat ")
                    .doesNotContain("Started TokenServiceApplication");
            return app.log();
        }
    }

    @Test
    void aDatabaseWithoutVaiModeIsRefusedNotMistakenForEitherMode() {
        assertThat(refused(Map.of("VAI_DB_URL", DB))).contains("VAI_DB_URL is set but VAI_MODE is not")
                .contains("set VAI_MODE=production").contains("VAI_MODE=dev");
    }

    @Test
    void aBrokerWithoutVaiModeIsRefusedToo() {
        assertThat(refused(Map.of("VAI_KAFKA_BOOTSTRAP", "localhost:1")))
                .contains("VAI_KAFKA_BOOTSTRAP is set but VAI_MODE is not");
    }

    @Test
    void aBlankDatabaseUrlIsRefused() {
        assertThat(refused(Map.of("VAI_MODE", "production", "VAI_DB_URL", ""))).contains("VAI_DB_URL is set but blank");
    }

    @Test
    void productionWithoutADatabaseIsRefused() {
        assertThat(refused(Map.of("VAI_MODE", "production", "VAI_KAFKA_BOOTSTRAP", "localhost:1")))
                .contains("VAI_MODE=production needs VAI_DB_URL");
    }

    @Test
    void devModeWithABrokerElsewhereIsRefused() {
        assertThat(refused(Map.of("VAI_MODE", "dev", "VAI_KAFKA_BOOTSTRAP", "kafka.prod.example:9092",
                "VAI_DATA_DIR", workDir.resolve("data").toString())))
                .contains("must never write into a production audit topic");
    }

    @Test
    void withoutItsSecretsProductionModeStopsAndNamesEveryMissingSetting() {
        assertThat(refused(Map.of("VAI_MODE", "production", "VAI_DB_URL", DB)))
                .contains("VAI_DB_USER is not set")
                .contains("VAI_KAFKA_BOOTSTRAP is not set")
                .contains("VAI_ADMIN_KEY is not set")
                .contains("VAI_SECRET_KEY is not set");
    }

    @Test
    void onATurkishJvmProductionIsStillProduction() {
        assertThat(refused(Map.of("VAI_MODE", "PRODUCTION", "VAI_DB_URL", DB), "-Duser.language=tr",
                "-Duser.country=TR")).contains("Production mode (VAI_MODE=production) cannot start")
                .contains("VAI_DB_USER is not set");
    }

    @Test
    void aSecretThatIsTooShortIsRefusedToo() {
        assertThat(refused(Map.of("VAI_MODE", "production", "VAI_DB_URL", DB, "VAI_DB_USER", "vai",
                "VAI_KAFKA_BOOTSTRAP", "localhost:1", "VAI_ADMIN_KEY", "short", "VAI_SECRET_KEY", "x".repeat(40))))
                .contains("VAI_ADMIN_KEY must have at least 24 characters")
                .doesNotContain("short\"").doesNotContain("x".repeat(40));
    }

    @Test
    void aManagementPortThatIsNotAPortIsRefused() {
        Map<String, String> production = Map.of("VAI_MODE", "production", "VAI_DB_URL", DB, "VAI_DB_USER", "vai",
                "VAI_KAFKA_BOOTSTRAP", "localhost:1", "VAI_ADMIN_KEY", "a".repeat(30), "VAI_SECRET_KEY", "x".repeat(40));
        java.util.Map<String, String> notAPort = new java.util.HashMap<>(production);
        notAPort.put("VAI_MANAGEMENT_PORT", "90000");
        assertThat(refused(notAPort)).contains("VAI_MANAGEMENT_PORT must be a port number from 0 to 65535");
    }
}
