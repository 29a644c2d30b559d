package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where the management port comes from: production always has one, dev mode only when asked. */
class ManagementPortSettingTest {

    @TempDir
    Path dataDir;

    private static final Map<String, Object> PRODUCTION = Map.of("vai.mode", "production",
            "vai.db.url", "jdbc:postgresql://db:5432/vai", "vai.db.user", "vai", "vai.kafka.bootstrap", "kafka:9092",
            "vai.admin-key", "a".repeat(30), "vai.secret-key", "s".repeat(40));

    private static String managementPort(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", settings));
        new ModeEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("vai.management-port");
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> settings = new HashMap<>(base);
        settings.put(name, value);
        return settings;
    }

    @Test
    void productionServesTheManagementEndpointsOnPort9000UnlessTold() {
        assertThat(managementPort(PRODUCTION)).isEqualTo("9000");
        assertThat(managementPort(with(PRODUCTION, "vai.management-port", " "))).isEqualTo("9000");
        assertThat(managementPort(with(PRODUCTION, "vai.management-port", "9100"))).isEqualTo("9100");
        assertThat(managementPort(with(PRODUCTION, "vai.management-port", "0"))).isEqualTo("0");
    }

    @Test
    void devModeKeepsOnePortUnlessTold() {
        Map<String, Object> dev = Map.of("vai.mode", "dev", "vai.data-dir", dataDir.toString(),
                "vai.kafka.bootstrap", "localhost:9092");
        assertThat(managementPort(dev)).isNull();
        assertThat(managementPort(with(dev, "vai.management-port", "9001"))).isEqualTo("9001");
    }

    @Test
    void anythingButAPortOrTheServicesOwnPortIsRefused() {
        for (String wrong : new String[] {"65536", "-1", "90 00", "nine", "9000000000", "0x50"}) {
            assertThatThrownBy(() -> managementPort(with(PRODUCTION, "vai.management-port", wrong))).as(wrong)
                    .isInstanceOf(MissingConfiguration.class)
                    .hasMessage("VAI_MANAGEMENT_PORT must be a port number from 0 to 65535 (0: any free port).");
        }
        assertThatThrownBy(() -> managementPort(with(with(PRODUCTION, "server.port", "8443"), "vai.management-port",
                "8443"))).hasMessage("VAI_MANAGEMENT_PORT (8443) must differ from the service's port.");
        assertThatThrownBy(() -> managementPort(with(PRODUCTION, "vai.management-port", "8080")))
                .hasMessageContaining("must differ");
    }
}
