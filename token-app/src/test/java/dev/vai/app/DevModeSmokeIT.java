package dev.vai.app;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static dev.vai.app.support.Fixtures.days;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.AppProcess;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.TestKafka;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode as a newcomer meets it: the real jar with no database or broker configured, on its own H2 and its own
 * Kafka broker in a data directory. Start, read the credentials file, mint a session, issue, list, revoke, see the
 * audit stream with the jar's own tail command; restart and find it all again. On the way, the main cases of least
 * privilege, on dev mode's own database.
 */
class DevModeSmokeIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String READY = "Dev mode: a demo session token";

    @TempDir
    Path workDir;

    @Test
    void aNewcomerCanUseTheServiceWithNothingInstalledAndItKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = workDir.resolve("data");
        int kafkaPort = TestKafka.freePortPair();
        Map<String, String> environment = Map.of("VAI_DATA_DIR", dataDir.toString(),
                "VAI_DEV_KAFKA_PORT", String.valueOf(kafkaPort), "VAI_MAX_ACTIVE_KEYS_PER_OWNER", "5");
        Properties credentials;
        String revokedKeyId;

        try (AppProcess app = AppProcess.startDev(workDir, environment)) {
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

            Api api = app.api(adminKey);
            assertThat(api.get(TOKENS, bearer(demoToken)).status()).isEqualTo(200);
            assertThat(app.log()).contains("WARN").contains("Dev mode: an embedded database and Kafka broker,"
                    + " listening on 127.0.0.1:" + app.port() + " only; not for production");
            assertThat(Scrape.of(api).sum("vai_mode", "mode=\"dev\"")).isEqualTo(1.0);
            assertOnlyLoopbackAnswers(app.port());
            Issued session = api.issue(aSession().forUser("newcomer"));
            Issued key = api.issue(anApiKey().named("my first key").by(session));
            assertThat(api.get(TOKENS, bearer(key.plaintext())).json().get("items")).hasSize(2);
            assertThat(api.delete(TOKENS + "/" + key.id(), bearer(session.plaintext())).status()).isEqualTo(204);
            assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(401);
            revokedKeyId = key.id();

            String tail = tail(environment, 4);
            assertThat(tail).contains("issued  token=" + key.id()).contains("revoked  token=" + key.id())
                    .contains("reason=owner").doesNotContain(key.plaintext());

            leastPrivilege(api);
            app.stop();
        }

        try (AppProcess again = AppProcess.startDev(workDir, environment)) {
            again.awaitLog(READY, Duration.ofSeconds(90));
            Properties after = load(dataDir.resolve("dev-credentials.env"));
            assertThat(after.getProperty("DEMO_TOKEN")).as("a valid demo session is kept")
                    .isEqualTo(credentials.getProperty("DEMO_TOKEN"));
            assertThat(after.getProperty("ADMIN_KEY")).isEqualTo(credentials.getProperty("ADMIN_KEY"));
            Api api = again.api(after.getProperty("ADMIN_KEY"));
            Issued session = api.issue(aSession().forUser("newcomer"));
            assertThat(api.get(TOKENS + "?includeRevoked=true", bearer(session.plaintext())).json().get("items")
                    .toString()).contains(revokedKeyId);
            assertThat(TestKafka.readUntil("localhost:" + kafkaPort, TestKafka.TOPIC,
                    records -> records.stream().filter(r -> r.key().equals(revokedKeyId)).count() >= 2,
                    Duration.ofSeconds(30))).as("the broker kept the stream across the restart")
                    .anyMatch(record -> record.key().equals(revokedKeyId));
            again.stop();
        }
    }

    private static void assertLacks(Api.Response response, String scopes) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\"");
    }

    private static void leastPrivilege(Api api) {
        Issued session = api.issue(aSession().forUser("least-privileged"));
        Issued key = api.issue(anApiKey().named("default scopes").by(session));
        assertThat(key.token().get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\"]");
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(200);
        assertThat(api.get(TOKENS + "/" + key.id(), bearer(key.plaintext())).status()).isEqualTo(200);
        JsonNode byController = ((ObjectNode) api.get(TOKENS + "/" + key.id(), "Authorization",
                "Bearer " + key.plaintext(), "Accept", "application/json, text/plain").json()).without("lastUsedAt");
        JsonNode byFastPath = ((ObjectNode) api.get(TOKENS + "/" + key.id(), bearer(key.plaintext())).json())
                .without("lastUsedAt");
        assertThat(byController).as("the controller answers as the fast path does (lastUsedAt may move between)")
                .isEqualTo(byFastPath);
        assertLacks(api.postJson(TOKENS, "{\"name\": \"minted by a key\"}", bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS, bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS + "/" + session.id(), bearer(key.plaintext())), "tokens:write");
        assertThat(api.postJson("/internal/v1/introspect", "{\"token\": \"" + key.plaintext() + "\"}", api.admin())
                .json().get("scope").asText()).isEqualTo("api tokens:read");

        Issued writer = api.issue(anApiKey().named("writer").expiringIn(days(3)).withScopes("tokens:read", "tokens:write")
                .by(session));
        Issued child = api.issue(anApiKey().named("child").by(writer));
        assertThat(child.token().get("expiresAt")).isEqualTo(writer.token().get("expiresAt"));
        assertLacks(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [\"api\"]}", bearer(writer.plaintext())),
                "api");
        assertThat(api.postJson(TOKENS, "{\"name\": \"n\", \"expiresInDays\": 4}", bearer(writer.plaintext()))
                .status()).isEqualTo(422);
        for (String scopes : new String[] {"\"api\"", "[1]", "[\"nope\"]"}) {
            assertThat(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": " + scopes + "}",
                    bearer(session.plaintext())).status()).as(scopes).isEqualTo(422);
        }
        assertThat(api.delete(TOKENS + "/" + writer.id(), bearer(session.plaintext())).status()).isEqualTo(204);
        assertThat(api.get(TOKENS + "/" + child.id(), bearer(child.plaintext())).status())
                .as("revoked with the key that created it").isEqualTo(401);

        for (String name : List.of("fourth", "fifth", "sixth", "seventh")) {
            api.issue(anApiKey().named(name).by(session));
        }
        assertThat(api.postJson(TOKENS, "{\"name\": \"over the limit\"}", bearer(session.plaintext())).status())
                .as("VAI_MAX_ACTIVE_KEYS_PER_OWNER=5").isEqualTo(409);

        assertThat(api.delete(TOKENS + "/" + key.id(), bearer(key.plaintext())).status()).isEqualTo(204);
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(401);
    }

    /** Dev mode listens on 127.0.0.1 only: from any other address of this machine, nothing answers. */
    private static void assertOnlyLoopbackAnswers(int port) throws IOException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(address -> !address.isLinkLocalAddress()).forEach(others::add);
            }
        }
        for (InetAddress address : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2_000);
                throw new AssertionError("Dev mode answered on " + address + ":" + port);
            } catch (ConnectException | SocketTimeoutException expected) {
                // refused: nothing listens there
            }
        }
    }

    /** {@code java -jar token-app-dev.jar audit-tail --from-beginning --max n}, as the README shows it. */
    private String tail(Map<String, String> environment, int events) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AppProcess.DEV_JAR.toAbsolutePath().toString(), "audit-tail", "--from-beginning", "--max",
                String.valueOf(events)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VAI_"));
        builder.environment().putAll(environment);
        Process tail = builder.start();
        String output = new String(tail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tail.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tail.exitValue()).as(output).isZero();
        return output;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
