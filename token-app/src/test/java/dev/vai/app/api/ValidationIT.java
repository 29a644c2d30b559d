package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a 422 (or 413, 415) in the API's shape, in the documented order, and changes nothing. */
@ServiceIT
class ValidationIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;
    private EventStore events;
    private Issued alice;

    @BeforeEach
    void setUp() {
        events = new EventStore(jdbc);
        alice = api.issue(aSession());
    }

    /** The single error of a 422, after checking the shape. */
    private static JsonNode onlyError(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode detail = response.json().get("detail");
        assertThat(detail.isArray()).isTrue();
        assertThat(detail).hasSize(1);
        JsonNode error = detail.get(0);
        assertThat(error.get("msg").asText()).isNotBlank();
        return error;
    }

    private static void assertError(Response response, List<String> loc, String type) {
        JsonNode error = onlyError(response);
        assertThat(error.get("loc")).extracting(JsonNode::asText).containsExactlyElementsOf(loc);
        assertThat(error.get("type").asText()).isEqualTo(type);
    }

    private Response create(String body) {
        return api.postJson(TOKENS, body, bearer(alice.plaintext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5", "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5ff",
            "1-1-1-1-1", "%00", "5f0c6c1e8d364c529a430f3b1c2d4e5f", "%7B5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f%7D",
            "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5g", "%20"})
    void aTokenIdThatIsNotACanonicalUuidIs422(String tokenId) {
        long before = events.totalEvents();
        assertError(api.get(TOKENS + "/" + tokenId, bearer(alice.plaintext())), List.of("path", "token_id"),
                "uuid_parsing");
        assertError(api.delete(TOKENS + "/" + tokenId, bearer(alice.plaintext())), List.of("path", "token_id"),
                "uuid_parsing");
        assertThat(events.totalEvents()).isEqualTo(before);
    }

    @Test
    void anUppercaseUuidIsCanonicalToo() {
        assertThat(api.get(TOKENS + "/" + alice.id().toUpperCase(), bearer(alice.plaintext())).status()).isEqualTo(200);
    }

    @Test
    void credentialsAreCheckedBeforeValidationAndValidationBeforeExistence() {
        assertThat(api.get(TOKENS + "/abc").status()).isEqualTo(401);
        assertThat(api.get(TOKENS + "?limit=0").status()).isEqualTo(401);
        assertThat(api.postJson(TOKENS, "{").status()).isEqualTo(401);
        assertThat(api.get(TOKENS + "/abc", bearer(alice.plaintext())).status()).isEqualTo(422);
        assertThat(api.get(TOKENS + "/00000000-0000-4000-8000-000000000000", bearer(alice.plaintext())).status())
                .isEqualTo(404);
    }

    @Test
    void aNameIsTrimmedAndHas1To255CodePoints() {
        assertError(create("{\"name\": \"\"}"), List.of("body", "name"), "string_too_short");
        assertError(create("{\"name\": \"   \\t \"}"), List.of("body", "name"), "string_too_short");
        assertError(create("{\"name\": \"" + "x".repeat(256) + "\"}"), List.of("body", "name"), "string_too_long");
        assertError(create("{\"name\": \"" + "\uD83D\uDD11".repeat(256) + "\"}"), List.of("body", "name"),
                "string_too_long");
        Response longest = create("{\"name\": \"" + "\uD83D\uDD11".repeat(255) + "\"}");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.json().get("token").get("name").asText()).isEqualTo("\uD83D\uDD11".repeat(255));
        assertThat(create("{\"name\": \"  " + "y".repeat(255) + "  \"}").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "a\\u0007b", "tab\\there", "new\\nline", "a\\u007fb", "a\\u009bb",
            "lone \\ud800 surrogate", "\\udc00"})
    void controlCharactersAndLoneSurrogatesInANameAre422(String name) {
        long before = events.totalEvents();
        assertError(create("{\"name\": \"" + name + "\"}"), List.of("body", "name"), "string_pattern_mismatch");
        assertThat(events.totalEvents()).isEqualTo(before);
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] body = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Response answer = api.send("POST", TOKENS, "application/json", body, bearer(alice.plaintext()));
        assertError(answer, List.of("body"), "json_invalid");
    }

    @Test
    void expiresInDaysIsAnIntegerFromOneToTheConfiguredMaximum() {
        String field = "expiresInDays";
        assertError(create("{\"name\":\"n\",\"expiresInDays\": -1}"), List.of("body", field), "greater_than_equal");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 0}"), List.of("body", field), "greater_than_equal");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 1.5}"), List.of("body", field), "int_parsing");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": \"30\"}"), List.of("body", field), "int_parsing");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": true}"), List.of("body", field), "int_parsing");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 1e309}"), List.of("body", field), "int_parsing");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 2147483648}"), List.of("body", field),
                "less_than_equal");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 99999999999999999999999}"), List.of("body", field),
                "less_than_equal");
        assertError(create("{\"name\":\"n\",\"expiresInDays\": 367}"), List.of("body", field), "less_than_equal");
        assertThat(create("{\"name\":\"n\",\"expiresInDays\": 366}").status()).isEqualTo(201);
        assertThat(create("{\"name\":\"n\",\"expiresInDays\": 1}").status()).isEqualTo(201);
    }

    @Test
    void extraFieldsInTheCreateBodyAreIgnored() {
        Response created = create("""
                {"name": "plain", "ownerId": "mallory", "tokenType": "session", "revokedAt": "2020-01-01T00:00:00Z",
                 "id": "00000000-0000-4000-8000-000000000000"}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode token = created.json().get("token");
        assertThat(token.get("tokenType").asText()).isEqualTo("api_key");
        assertThat(token.get("revokedAt").isNull()).isTrue();
        assertThat(token.get("id").asText()).isNotEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(api.get(TOKENS + "/" + token.get("id").asText(), bearer(alice.plaintext())).status())
                .as("owned by the caller, not by mallory").isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotWellFormedJsonIsJsonInvalid() {
        for (String body : new String[] {"{", "{\"name\": \"a\",}", "{\"name\": \"a\"} trailing", "{'name': 'a'}",
                "{\"name\": \"a\", \"name\": \"b\"}"}) {
            assertError(create(body), List.of("body"), "json_invalid");
        }
    }

    @Test
    void aBodyThatIsNotAnObjectOrLacksTheNameIs422() {
        assertError(create("[]"), List.of("body"), "value_error");
        assertError(create("\"name\""), List.of("body"), "value_error");
        assertError(create("{}"), List.of("body", "name"), "missing");
        assertError(create("{\"name\": null}"), List.of("body", "name"), "missing");
        assertError(create("{\"name\": 42}"), List.of("body", "name"), "value_error");
    }

    @Test
    void aMissingBodyIsMissing() {
        assertError(api.send("POST", TOKENS, "application/json", null, bearer(alice.plaintext())), List.of("body"),
                "missing");
        assertError(api.send("POST", TOKENS, null, null, bearer(alice.plaintext())), List.of("body"), "missing");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/json; charset=iso-8859-1"}) {
            Response answer = api.send("POST", TOKENS, type, "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                    bearer(alice.plaintext()));
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.json().get("detail").isTextual()).isTrue();
        }
        assertThat(api.send("POST", TOKENS, "application/json; charset=utf-8",
                "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), bearer(alice.plaintext())).status())
                .isEqualTo(201);
    }

    @Test
    void aBodyOver64KibIs413AndExactly64KibIsRead() {
        long before = events.totalEvents();
        String padding = " ".repeat(64 * 1024);
        Response tooLarge = create("{\"name\": \"big\"}" + padding);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").isTextual()).isTrue();
        assertThat(events.totalEvents()).isEqualTo(before);
        String exact = "{\"name\": \"fits\"}";
        assertThat(create(exact + " ".repeat(64 * 1024 - exact.length())).status()).isEqualTo(201);
    }

    @Test
    void limitIsAnIntegerFrom1To200() {
        for (String limit : new String[] {"0", "-1"}) {
            assertError(api.get(TOKENS + "?limit=" + limit, bearer(alice.plaintext())), List.of("query", "limit"),
                    "greater_than_equal");
        }
        assertError(api.get(TOKENS + "?limit=201", bearer(alice.plaintext())), List.of("query", "limit"),
                "less_than_equal");
        for (String limit : new String[] {"abc", "1.5", "", "99999999999999999999x"}) {
            assertError(api.get(TOKENS + "?limit=" + limit, bearer(alice.plaintext())), List.of("query", "limit"),
                    "int_parsing");
        }
        assertError(api.get(TOKENS + "?limit=5&limit=6", bearer(alice.plaintext())), List.of("query", "limit"),
                "value_error");
        assertThat(api.get(TOKENS + "?limit=200", bearer(alice.plaintext())).status()).isEqualTo(200);
    }

    @Test
    void booleansAcceptTheUsualSpellingsInAnyCase() {
        for (String value : new String[] {"true", "FALSE", "1", "0", "yes", "No", "on", "OFF"}) {
            assertThat(api.get(TOKENS + "?includeRevoked=" + value, bearer(alice.plaintext())).status()).as(value)
                    .isEqualTo(200);
        }
        assertError(api.get(TOKENS + "?includeRevoked=maybe", bearer(alice.plaintext())),
                List.of("query", "includeRevoked"), "bool_parsing");
        assertError(api.delete(TOKENS + "?exclude_current=2", bearer(alice.plaintext())),
                List.of("query", "exclude_current"), "bool_parsing");
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).status()).as("nothing revoked").isEqualTo(200);
    }

    @Test
    void tokenTypeIsSessionOrApiKey() {
        assertError(api.get(TOKENS + "?tokenType=admin", bearer(alice.plaintext())), List.of("query", "tokenType"),
                "enum");
        assertError(api.get(TOKENS + "?tokenType=API_KEY", bearer(alice.plaintext())), List.of("query", "tokenType"),
                "enum");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Response answer = api.get(TOKENS + "?limit=0&tokenType=x&includeRevoked=maybe", bearer(alice.plaintext()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("detail")).hasSize(3);
    }

    @Test
    void errorsNeverLeakInternals() {
        for (Response answer : new Response[] {
                create("{"), create("{\"name\": \"a\\u0000\"}"), api.get(TOKENS + "/abc", bearer(alice.plaintext())),
                api.get("/no/such/path"), api.send("PATCH", TOKENS, null, null, bearer(alice.plaintext()))}) {
            assertThat(answer.body()).doesNotContain("Exception", "org.", "java.", "at ", "SQL", "<html");
            assertThat(answer.header("Content-Type")).startsWith("application/json");
        }
    }
}
