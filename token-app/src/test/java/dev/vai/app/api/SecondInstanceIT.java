package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api;
import dev.vai.app.support.AppProcess;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestKafka;
import dev.vai.app.support.TestPostgres;
import dev.vai.app.support.TestServicesEnvironmentPostProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security checklist row 14 across instances: a token revoked through one instance is refused by another on its very
 * next request (the bound is zero: authentication has no cache and the read model commits with the revocation).
 * Instance A runs in the test JVM, instance B is the real jar in a child process on the same database.
 */
@ServiceIT
class SecondInstanceIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @TempDir
    static Path workDir;
    private static AppProcess instanceB;

    @Autowired
    Api api;

    @BeforeAll
    static void startSecondInstance() {
        TestPostgres.Database database = TestPostgres.database();
        Map<String, String> environment = AppProcess.production(database.url(), database, TestKafka.bootstrap());
        environment.put("VAI_LOG_FORMAT", "json");
        instanceB = AppProcess.start(workDir, environment,
                "-Xlog:class+load=info:file=" + workDir.resolve("classes.log"));
        instanceB.awaitLog("Started TokenServiceApplication", Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopSecondInstance() {
        instanceB.close();
    }

    /** The port split as the shipped jar runs it in production mode: each port serves its own paths only. */
    @Test
    void theShippedJarServesTheInternalApiAndTheActuatorOnItsManagementPortOnly() {
        String adminKey = TestServicesEnvironmentPostProcessor.ADMIN_KEY;
        assertThat(instanceB.managementPort()).isNotEqualTo(instanceB.port());
        Api publicPort = new Api(instanceB.port(), instanceB.port(), adminKey);
        Api managementPort = new Api(instanceB.managementPort(), instanceB.managementPort(), adminKey);
        assertThat(publicPort.get("/actuator/health").status()).isEqualTo(404);
        Api.Response minted = publicPort.postJson("/internal/v1/sessions", "{\"userId\":\"carol\"}",
                publicPort.admin());
        assertThat(minted.status()).isEqualTo(404);
        assertThat(minted.body()).isEqualTo("{\"detail\":\"Not Found\"}");

        assertThat(managementPort.get("/actuator/health").status()).isEqualTo(200);
        Issued carol = managementPort.issue(aSession().forUser("carol"));
        assertThat(managementPort.get(TOKENS, bearer(carol.plaintext())).status()).isEqualTo(404);
        assertThat(publicPort.get(TOKENS, bearer(carol.plaintext())).status()).isEqualTo(200);
        assertThat(instanceB.log()).contains("Management port " + instanceB.managementPort());
    }

    @Test
    void aTokenRevokedThroughOneInstanceIsRefusedByTheOtherOnItsVeryNextRequest() {
        Api a = api;
        Api b = instanceB.api(TestServicesEnvironmentPostProcessor.ADMIN_KEY);
        Issued alice = a.issue(aSession());
        for (int i = 0; i < 5; i++) {
            Issued key = b.issue(anApiKey().named("key " + i).by(alice));
            assertThat(b.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(200);
            assertThat(a.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
            assertThat(b.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(401);
        }
        Issued other = a.issue(anApiKey().named("the other way").by(alice));
        assertThat(b.delete(TOKENS + "/" + other.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
        assertThat(a.get(TOKENS, bearer(other.plaintext())).status()).isEqualTo(401);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void racingCommandsOnTheSameTokensFromTwoInstancesRecordEachRevocationOnceAndNeverFail() throws Exception {
        Api a = api;
        Api b = instanceB.api(TestServicesEnvironmentPostProcessor.ADMIN_KEY);
        Issued alice = a.issue(aSession());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add((i % 2 == 0 ? a : b).issue(anApiKey().named("contested " + i).by(alice)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (Api instance : List.of(a, b, a, b)) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (String key : keys) {
                        statuses.add(instance.delete(TOKENS + "/" + key, bearer(alice.plaintext())).status());
                    }
                    statuses.add(instance.delete(TOKENS, bearer(alice.plaintext())).status());
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).as("204 for each token, 200 for revoke-all, never a 5xx")
                        .allMatch(status -> status == 204 || status == 200);
            }
        } finally {
            pool.shutdownNow();
        }
        EventStore events = new EventStore(jdbc);
        for (String key : keys) {
            assertThat(events.revocationsOf(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void productionModeNeverLoadsTheDevBrokerOrKafkasServerClasses() throws IOException {
        String loaded = Files.readString(workDir.resolve("classes.log"));
        assertThat(loaded).as("class loading is logged").contains("[class,load] dev.vai.export.outbox.OutboxDrainer ");
        assertThat(loaded).doesNotContain("[class,load] dev.vai.devbroker.DevKafkaBroker")
                .doesNotContain("[class,load] scala.")
                .doesNotContain("[class,load] kafka.")
                .doesNotContain("[class,load] org.apache.kafka.server.")
                .doesNotContain("[class,load] org.apache.kafka.raft.");
    }

    @Test
    void withVaiLogFormatJsonEveryLineIsAJsonObjectAndRequestsAreLoggedWithTheirFields() throws Exception {
        Api b = instanceB.api(TestServicesEnvironmentPostProcessor.ADMIN_KEY);
        Issued user = b.issue(aSession());
        b.get(TOKENS, bearer(user.plaintext()));
        // the console is written by a background thread: wait for the GET's own line (the session's issue, logged
        // earlier, names the same token)
        JsonNode request = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> accessLogLine(user.id()), Optional::isPresent).orElseThrow();
        assertThat(request.get("path").asText()).isEqualTo("/api/v1/access-tokens");
        assertThat(request.get("status").asInt()).isEqualTo(200);
        assertThat(request.get("auth").asText()).isEqualTo("success");
        assertThat(request.get("credential").asText()).isEqualTo("bearer");
        assertThat(request.get("requestId").asText()).isNotBlank();
        assertThat(request.has("durationMs")).isTrue();
        assertThat(instanceB.log()).doesNotContain(user.plaintext());
    }

    /** The request log line of a request authenticated by {@code tokenId}; every line must be a JSON object. */
    private Optional<JsonNode> accessLogLine(String tokenId) throws IOException {
        String log = instanceB.log();
        log = log.substring(0, log.lastIndexOf('\n') + 1); // a line still being written is read next time
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(Api.JSON.readTree(line));
        }
        return lines.stream()
                .filter(line -> "dev.vai.access".equals(line.path("log").path("logger").asText()))
                .filter(line -> tokenId.equals(line.path("tokenId").asText()))
                .findFirst();
    }

    @Test
    void aCursorFromOneInstanceWorksOnTheOther() {
        Api a = api;
        Api b = instanceB.api(TestServicesEnvironmentPostProcessor.ADMIN_KEY);
        Issued alice = a.issue(aSession());
        for (int i = 0; i < 3; i++) {
            a.issue(anApiKey().named("key " + i).by(alice));
        }
        String cursor = a.get(TOKENS + "?limit=2", bearer(alice.plaintext())).json().get("nextCursor").asText();
        Api.Response next = b.get(TOKENS + "?limit=2&cursor=" + cursor, bearer(alice.plaintext()));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("items")).hasSize(2);
    }
}
