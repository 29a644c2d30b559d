package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api;
import dev.vai.app.support.RawHttp;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestServicesEnvironmentPostProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The port split of production mode: {@code /internal} and {@code /actuator} on the management port only,
 * {@code /api} on the service's port only, each refused on the other port with the 404 of a path that does not exist,
 * before any authentication, however the path is spelled.
 */
@ServiceIT
class ManagementPortIT {

    private static final String ADMIN_KEY = TestServicesEnvironmentPostProcessor.ADMIN_KEY;

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    /** Every request to the service's port, whatever its path. */
    private Api publicPortOnly() {
        return new Api(port, port, ADMIN_KEY);
    }

    /** Every request to the management port, whatever its path. */
    private Api managementPortOnly() {
        return new Api(managementPort, managementPort, ADMIN_KEY);
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(response.header("WWW-Authenticate")).isNull();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theServicesPortHasNoInternalApiAndNoActuatorAndMintsNothingThere() {
        assertThat(port).isNotEqualTo(managementPort);
        Api api = publicPortOnly();
        String user = "user-" + UUID.randomUUID();
        assertNotFound(api.postJson("/internal/v1/sessions", "{\"userId\":\"" + user + "\"}", api.admin()));
        assertNotFound(api.postJson("/internal/v1/sessions", "{\"userId\":\"" + user + "\"}", "X-Admin-Key",
                "wrong-key-0123456789abcdef"));
        assertNotFound(api.postJson("/internal/v1/introspect", "{\"token\":\"vai_x\"}", api.admin()));
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/prometheus", "/internal", "/internal/v1/audit/replay")) {
            assertNotFound(api.get(path, api.admin()));
        }
        assertThat(jdbc.queryForObject("select count(*) from access_token_view where owner_id = ?", Long.class, user))
                .as("nothing minted through the service's port").isZero();
    }

    @Test
    void noSpellingOfAPathReachesTheOtherPortsHandlers() {
        byte[] body = "{\"userId\":\"sneaky\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/../internal/v1/sessions", "/api/v1/..;/../internal/v1/sessions",
                "/%69nternal/v1/sessions", "/internal;x=1/v1/sessions", "//internal/v1/sessions",
                "/internal/v1/./sessions", "/internal%2Fv1%2Fsessions", "/./actuator/health", "/actuator;/health")) {
            RawHttp.Answer answer = RawHttp.send(port, ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\nContent-Type: application/json\r\nX-Admin-Key: " + ADMIN_KEY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(path + ": " + answer.text()).isIn(400, 404);
            assertThat(answer.text()).as(path).doesNotContain("vai_").doesNotContain("UP");
        }
        assertThat(jdbc.queryForObject("select count(*) from access_token_view where owner_id = 'sneaky'", Long.class))
                .isZero();
    }

    @Test
    void theManagementPortHasNoPublicApi() {
        Api.Issued session = api.issue(aSession());
        Api management = managementPortOnly();
        assertNotFound(management.get("/api/v1/access-tokens", bearer(session.plaintext())));
        assertNotFound(management.get("/api/v1/access-tokens/" + session.id(), bearer(session.plaintext())));
        assertNotFound(management.get("/api", bearer(session.plaintext())));
        RawHttp.Answer dotted = RawHttp.send(managementPort, ("GET /internal/../api/v1/access-tokens HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nAuthorization: Bearer " + session.plaintext() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(dotted.status()).as(dotted.text()).isIn(400, 404);

        assertThat(publicPortOnly().get("/api/v1/access-tokens", bearer(session.plaintext())).status())
                .isEqualTo(200);
        assertThat(management.get("/actuator/health").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("vai_mode{");
    }
}
