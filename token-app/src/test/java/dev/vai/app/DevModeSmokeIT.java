package dev.vai.app;

import static dev.vai.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.AppProcess;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode as a newcomer meets it: the real jar with no database or broker configured, on its own H2 in a data
 * directory. Start, read the credentials file, mint a session, issue, list, revoke; restart and find it all again.
 */
class DevModeSmokeIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String READY = "Dev mode: a demo session token";

    @TempDir
    Path workDir;

    @Test
    void aNewcomerCanUseTheServiceWithNothingInstalledAndItKeepsItsDataAcrossRestarts() throws IOException {
        Path dataDir = workDir.resolve("data");
        Map<String, String> environment = Map.of("VAI_DATA_DIR", dataDir.toString());
        Properties credentials;
        String revokedKeyId;

        try (AppProcess app = AppProcess.start(workDir, environment)) {
            app.awaitLog(READY, Duration.ofSeconds(90));
            Path file = dataDir.resolve("dev-credentials.env");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            credentials = load(file);
            String demoToken = credentials.getProperty("DEMO_TOKEN");
            String adminKey = credentials.getProperty("ADMIN_KEY");
            assertThat(demoToken).startsWith("vai_s_");
            assertThat(app.log()).contains(file.toString()).contains("curl -H \"Authorization: Bearer $DEMO_TOKEN\"")
                    .doesNotContain(demoToken).doesNotContain(adminKey);

            Api api = new Api(app.port(), adminKey);
            assertThat(api.get(TOKENS, bearer(demoToken)).status()).isEqualTo(200);
            Issued session = api.session("newcomer");
            Issued key = api.createApiKey(session.plaintext(), "my first key");
            assertThat(api.get(TOKENS, bearer(key.plaintext())).json().get("items")).hasSize(2);
            assertThat(api.delete(TOKENS + "/" + key.id(), bearer(session.plaintext())).status()).isEqualTo(204);
            assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(401);
            revokedKeyId = key.id();
            app.stop();
        }

        try (AppProcess again = AppProcess.start(workDir, environment)) {
            again.awaitLog(READY, Duration.ofSeconds(90));
            Properties after = load(dataDir.resolve("dev-credentials.env"));
            assertThat(after.getProperty("DEMO_TOKEN")).as("a valid demo session is kept")
                    .isEqualTo(credentials.getProperty("DEMO_TOKEN"));
            assertThat(after.getProperty("ADMIN_KEY")).isEqualTo(credentials.getProperty("ADMIN_KEY"));
            Api api = new Api(again.port(), after.getProperty("ADMIN_KEY"));
            Issued session = api.session("newcomer");
            assertThat(api.get(TOKENS + "?includeRevoked=true", bearer(session.plaintext())).json().get("items")
                    .toString()).contains(revokedKeyId);
            again.stop();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
