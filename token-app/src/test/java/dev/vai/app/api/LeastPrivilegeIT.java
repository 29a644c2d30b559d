package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static dev.vai.app.support.Fixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.lifecycle.IssuedToken;
import dev.vai.lifecycle.IssuerNoLongerActive;
import dev.vai.lifecycle.TokenLifecycle;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import dev.vai.token.AccessTokenId;
import dev.vai.token.Issuer;
import dev.vai.token.Lifetime;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.Scopes;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Least privilege over HTTP on PostgreSQL: a token does only what its scopes allow, never grants more than it holds,
 * never creates a key that outlives it, and what an API key created dies with it (security checklist rows 28, 29).
 * The lineage's lock is also tested step by step, below the HTTP layer, in the service's own transactions.
 */
@ServiceIT
class LeastPrivilegeIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String CONTROLLER_ONLY = "application/json, text/plain";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TokenLifecycle lifecycle;
    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Api api;
    private Issued alice;

    @BeforeEach
    void setUp() {
        alice = api.issue(aSession());
    }

    private static void assertLacks(Response response, String scopes) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\"");
        assertThat(response.json().get("detail").asText()).contains(scopes);
    }

    private int tokensOf(Issued owner) {
        return api.get(TOKENS + "?limit=200&includeRevoked=true", bearer(owner.plaintext())).json().get("items").size();
    }

    private int status(String path, Issued caller) {
        return api.get(path, bearer(caller.plaintext())).status();
    }

    private static Instant expiresAt(Issued token) {
        return Instant.parse(token.token().get("expiresAt").asText());
    }

    @Test
    void aSessionHoldsEveryScopeAndItsKeysGetAllButTokensWrite() {
        assertThat(alice.token().get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\",\"tokens:write\"]");
        Issued key = api.issue(anApiKey().named("ci").by(alice));
        assertThat(key.token().get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\"]");
        assertThat(status(TOKENS, key)).as("lists").isEqualTo(200);
        assertThat(status(TOKENS + "/" + key.id(), key)).as("reads itself").isEqualTo(200);
        assertThat(status(TOKENS + "/" + alice.id(), key)).as("reads another of its owner's tokens").isEqualTo(200);
    }

    @Test
    void aKeyWithoutTokensWriteCannotCreateRevokeAllOrRevokeAnotherTokenAndChangesNothing() {
        Issued key = api.issue(anApiKey().named("leaked ci key").by(alice));
        int before = tokensOf(alice);

        assertLacks(api.postJson(TOKENS, "{\"name\": \"forever\", \"expiresInDays\": 366}", bearer(key.plaintext())),
                "tokens:write");
        assertLacks(api.postJson(TOKENS, "{\"name\": \"\"}", bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS, bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS + "/" + alice.id(), bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS + "/not-a-uuid", bearer(key.plaintext())), "tokens:write");
        assertLacks(api.delete(TOKENS + "/" + UUID.randomUUID(), bearer(key.plaintext())), "tokens:write");

        assertThat(tokensOf(alice)).isEqualTo(before);
        assertThat(status(TOKENS, alice)).as("the session still works").isEqualTo(200);
        assertThat(new EventStore(jdbc).revocationsOf(alice.id())).isZero();
    }

    @Test
    void aKeyMayAlwaysReadAndRevokeItselfEvenWithNoScopeAtAll() {
        Issued key = api.issue(anApiKey().named("identifies itself").withScopes().by(alice));
        assertThat(key.token().get("scopes").toString()).isEqualTo("[]");

        assertLacks(api.get(TOKENS, bearer(key.plaintext())), "tokens:read");
        assertLacks(api.get(TOKENS + "/" + alice.id(), bearer(key.plaintext())), "tokens:read");
        assertLacks(api.get(TOKENS + "/not-a-uuid", bearer(key.plaintext())), "tokens:read");
        assertThat(status(TOKENS + "/" + key.id(), key)).isEqualTo(200);
        assertThat(status(TOKENS + "/" + key.id().toUpperCase(Locale.ROOT), key)).isEqualTo(200);

        assertThat(api.delete(TOKENS + "/" + key.id(), bearer(key.plaintext())).status()).isEqualTo(204);
        assertThat(status(TOKENS + "/" + key.id(), key)).isEqualTo(401);
    }

    @Test
    void aCallerHoldingTheScopeGets404NeverForbiddenForAnotherOwnersToken() {
        Issued bob = api.issue(aSession());
        Issued key = api.issue(anApiKey().named("reader").by(alice));
        Response read = api.get(TOKENS + "/" + bob.id(), bearer(key.plaintext()));
        Response revoke = api.delete(TOKENS + "/" + bob.id(), bearer(alice.plaintext()));
        Response unknown = api.get(TOKENS + "/" + UUID.randomUUID(), bearer(key.plaintext()));
        assertThat(List.of(read.status(), revoke.status(), unknown.status())).containsOnly(404);
        assertThat(read.body()).isEqualTo(unknown.body()).isEqualTo(revoke.body());
    }

    @Test
    void aKeyGrantedTokensWriteCreatesKeysBoundedByItsOwnExpiry() {
        Issued parent = api.issue(anApiKey().named("deployer").withScopes("api", "tokens:read", "tokens:write")
                .expiringIn(days(10)).by(alice));

        Issued child = api.issue(anApiKey().named("child").by(parent));
        assertThat(expiresAt(child)).as("the default 90 days would outlive the parent").isEqualTo(expiresAt(parent));
        assertThat(child.token().get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\"]");

        Response tooLong = api.postJson(TOKENS, "{\"name\": \"longer\", \"expiresInDays\": 10}",
                bearer(parent.plaintext()));
        assertThat(tooLong.status()).isEqualTo(422);
        JsonNode error = tooLong.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"expiresInDays\"]");
        assertThat(error.get("type").asText()).isEqualTo("less_than_equal");
        assertThat(error.get("msg").asText()).contains("less than or equal to 9")
                .contains(parent.token().get("expiresAt").asText());

        Issued shorter = api.issue(anApiKey().named("shorter").expiringIn(days(9)).by(parent));
        assertThat(Duration.between(Instant.parse(shorter.token().get("createdAt").asText()), expiresAt(shorter)))
                .isEqualTo(Duration.ofDays(9));
    }

    @Test
    void revokingAKeyRevokesEveryKeyItCreatedAndTheirsButNotTheSessionsOtherKeys() {
        Issued parent = api.issue(anApiKey().named("parent").withScopes("api", "tokens:read", "tokens:write")
                .by(alice));
        Issued child = api.issue(anApiKey().named("child").withScopes("tokens:read", "tokens:write").by(parent));
        Issued grandchild = api.issue(anApiKey().named("grandchild").by(child));
        Issued sibling = api.issue(anApiKey().named("the session's other key").by(alice));

        assertThat(api.delete(TOKENS + "/" + parent.id(), bearer(alice.plaintext())).status()).isEqualTo(204);

        for (Issued gone : List.of(parent, child, grandchild)) {
            assertThat(status(TOKENS + "/" + gone.id(), gone)).as(gone.token().get("name").asText()).isEqualTo(401);
        }
        assertThat(status(TOKENS + "/" + sibling.id(), sibling)).isEqualTo(200);
        assertThat(status(TOKENS, alice)).isEqualTo(200);
        EventStore events = new EventStore(jdbc);
        assertThat(events.eventsOf(child.id()).get(1).payload()).contains("\"reason\":\"PARENT_REVOKED\"")
                .contains("\"kind\":\"PARENT\"").contains("\"viaToken\":\"" + parent.id() + "\"");
        assertThat(events.eventsOf(grandchild.id()).get(1).payload()).contains("\"viaToken\":\"" + child.id() + "\"");
        assertThat(events.revocationsOf(sibling.id())).isZero();
    }

    @Test
    void keysASessionCreatedOutliveTheSessionsRevocation() {
        Issued key = api.issue(anApiKey().named("ci").by(alice));
        assertThat(api.delete(TOKENS + "/" + alice.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
        assertThat(status(TOKENS, alice)).isEqualTo(401);
        assertThat(status(TOKENS + "/" + key.id(), key)).isEqualTo(200);
    }

    @Test
    void lineageWinsOverExcludeCurrentAndRevokeAllCountsTheKeysRevokedWithTheirParent() {
        Issued parent = api.issue(anApiKey().named("parent").withScopes("tokens:read", "tokens:write").by(alice));
        Issued caller = api.issue(anApiKey().named("child that calls").withScopes("tokens:write").by(parent));
        Response all = api.delete(TOKENS + "?exclude_current=true", bearer(caller.plaintext()));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("revokedCount").asInt()).as("alice's session, the parent, and the caller with it")
                .isEqualTo(3);
        assertThat(status(TOKENS + "/" + caller.id(), caller)).isEqualTo(401);
        assertThat(new EventStore(jdbc).eventsOf(caller.id()).get(1).payload())
                .contains("\"reason\":\"PARENT_REVOKED\"");

        Issued bob = api.issue(aSession());
        Issued bobsParent = api.issue(anApiKey().named("parent").withScopes("tokens:write").by(bob));
        api.issue(anApiKey().named("child").withScopes().by(bobsParent));
        Response deprovisioned = api.delete("/internal/v1/users/" + userOf(bob) + "/access-tokens", api.admin());
        assertThat(deprovisioned.json().get("revokedCount").asInt()).isEqualTo(3);
    }

    @Test
    void expiredKeysInTheTreeAreRevokedWithTheirParentToo() {
        Issued parent = api.issue(anApiKey().named("parent").withScopes("tokens:read", "tokens:write")
                .expiringIn(days(30)).by(alice));
        Issued shortLived = api.issue(anApiKey().named("short-lived").withScopes("tokens:write").expiringIn(days(1))
                .by(parent));
        Issued grandchild = api.issue(anApiKey().named("grandchild").by(shortLived));
        try {
            clock.advance(Duration.ofDays(2));
            assertThat(status(TOKENS + "/" + shortLived.id(), shortLived)).as("expired").isEqualTo(401);
            assertThat(api.delete(TOKENS + "/" + parent.id(), bearer(parent.plaintext())).status()).isEqualTo(204);
        } finally {
            clock.reset();
        }
        EventStore events = new EventStore(jdbc);
        assertThat(events.revocationsOf(shortLived.id())).isEqualTo(1);
        assertThat(events.eventsOf(grandchild.id()).get(1).payload()).contains("\"viaToken\":\"" + shortLived.id() + "\"");
    }

    private String userOf(Issued token) {
        return api.postJson("/internal/v1/introspect", "{\"token\": \"" + token.plaintext() + "\"}", api.admin())
                .json().get("userId").asText();
    }

    /** The key as authentication would have seen it: the issuer of the keys it asks for. */
    private static Issuer.Token issuerOf(Issued key) {
        List<String> scopes = new ArrayList<>();
        key.token().get("scopes").forEach(scope -> scopes.add(scope.asText()));
        return Issuer.token(AccessTokenId.parse(key.id()), TokenType.API_KEY, Scopes.ofNames(scopes), expiresAt(key));
    }

    /**
     * The lock, step by step: a key is being created by its parent (the creation's transaction holds the parent's
     * row) when the parent's revocation starts; the revocation waits, then finds the new key and revokes it too.
     */
    @Test
    void aRevocationThatWaitsForAKeyBeingCreatedByItsParentRevokesThatKeyToo() throws Exception {
        Issued parent = api.issue(anApiKey().named("parent").withScopes("tokens:read", "tokens:write").by(alice));
        CompletableFuture<Integer>[] revocation = new CompletableFuture[1];
        IssuedToken child = new TransactionTemplate(transactions).execute(status -> {
            IssuedToken created = lifecycle.issue(issuerOf(parent), new OwnerId(userOf(alice)), TokenType.API_KEY,
                    TokenName.of("being created"), Scopes.NONE, Lifetime.ofDays(1), RequestContext.NONE);
            revocation[0] = CompletableFuture.supplyAsync(
                    () -> api.delete(TOKENS + "/" + parent.id(), bearer(alice.plaintext())).status());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from"
                    + " pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
                    Integer.class) > 0);
            return created;
        });
        assertThat(revocation[0].get(30, TimeUnit.SECONDS)).isEqualTo(204);
        assertThat(api.get(TOKENS + "/" + child.token().id(), bearer(child.plaintext().reveal())).status())
                .isEqualTo(401);
        assertThat(new EventStore(jdbc).eventsOf(child.token().id().toString()).get(1).payload())
                .contains("\"reason\":\"PARENT_REVOKED\"");
    }

    /** The other order: the parent was revoked after it authenticated the request; the key is not created. */
    @Test
    void aKeyIsNotCreatedForAParentRevokedSinceItAuthenticated() {
        Issued parent = api.issue(anApiKey().named("parent").withScopes("tokens:read", "tokens:write").by(alice));
        Issuer.Token authenticated = issuerOf(parent);
        assertThat(api.delete(TOKENS + "/" + parent.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
        int before = tokensOf(alice);
        assertThatThrownBy(() -> lifecycle.issue(authenticated, new OwnerId(userOf(alice)), TokenType.API_KEY,
                TokenName.of("too late"), Scopes.NONE, Lifetime.ofDays(1), RequestContext.NONE))
                .isInstanceOf(IssuerNoLongerActive.class);
        assertThat(tokensOf(alice)).isEqualTo(before);
    }

    @Test
    void aTokenCannotGrantWhatItDoesNotHoldAndIsToldEveryMissingScope() {
        Issued limited = api.issue(aSession().forUser("user-" + UUID.randomUUID())
                .withScopes("tokens:read", "tokens:write"));
        int before = tokensOf(limited);
        assertLacks(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [\"api\", \"tokens:read\"]}",
                bearer(limited.plaintext())), "api");

        Issued writer = api.issue(anApiKey().named("writer").withScopes("tokens:write").by(alice));
        assertLacks(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [\"api\", \"tokens:read\", \"tokens:write\"]}",
                bearer(writer.plaintext())), "api tokens:read");
        assertThat(tokensOf(limited)).isEqualTo(before);
        assertThat(tokensOf(alice)).as("alice's session and her writer key only").isEqualTo(2);
    }

    @Test
    void theScopesOfACreateAreValidatedBeforeTheyAreCheckedAndAfterTheCallersScope() {
        assertValidation(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": \"api\"}", bearer(alice.plaintext())),
                "[\"body\",\"scopes\"]", "list_type");
        assertValidation(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [1]}", bearer(alice.plaintext())),
                "[\"body\",\"scopes\",0]", "string_type");
        assertValidation(api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [\"api\", \"repo\"]}",
                bearer(alice.plaintext())), "[\"body\",\"scopes\",1]", "enum");
        assertThat(api.issue(anApiKey().named("n").withScopes("api", "api").by(alice)).token().get("scopes").toString())
                .isEqualTo("[\"api\"]");

        Issued limited = api.issue(aSession().forUser("user-" + UUID.randomUUID())
                .withScopes("tokens:read", "tokens:write"));
        assertValidation(api.postJson(TOKENS, "{\"name\": \" \", \"scopes\": [\"api\"]}", bearer(limited.plaintext())),
                "[\"body\",\"name\"]", "string_too_short");
    }

    private static void assertValidation(Response response, String loc, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo(loc);
        assertThat(error.get("type").asText()).isEqualTo(type);
    }

    @Test
    void theLoginServiceMayMintASessionWithFewerScopesAndItsScopesAreValidatedToo() {
        Issued kiosk = api.issue(aSession().forUser("kiosk").withScopes("tokens:read"));
        assertThat(kiosk.token().get("scopes").toString()).isEqualTo("[\"tokens:read\"]");
        assertThat(status(TOKENS, kiosk)).isEqualTo(200);
        assertLacks(api.postJson(TOKENS, "{\"name\": \"n\"}", bearer(kiosk.plaintext())), "tokens:write");

        assertValidation(api.postJson("/internal/v1/sessions", "{\"userId\": \"u\", \"scopes\": {}}", api.admin()),
                "[\"body\",\"scopes\"]", "list_type");
        assertValidation(api.postJson("/internal/v1/sessions", "{\"userId\": \"u\", \"scopes\": [\"tokens:admin\"]}",
                api.admin()), "[\"body\",\"scopes\",0]", "enum");
    }

    @Test
    void introspectionAnswersTheScopesSeparatedBySpaces() {
        Issued key = api.issue(anApiKey().named("introspected").by(alice));
        Issued none = api.issue(anApiKey().named("bare").withScopes().by(alice));
        assertThat(introspect(key).get("scope").asText()).isEqualTo("api tokens:read");
        assertThat(introspect(alice).get("scope").asText()).isEqualTo("api tokens:read tokens:write");
        assertThat(introspect(none).get("scope").asText()).isEmpty();
    }

    private JsonNode introspect(Issued token) {
        return api.postJson("/internal/v1/introspect", "{\"token\": \"" + token.plaintext() + "\"}", api.admin()).json();
    }

    @Test
    void everyRefusalIsCountedByTheScopeThatWasMissing() {
        Issued key = api.issue(anApiKey().named("bare").withScopes().by(alice));
        Scrape before = Scrape.of(api);
        api.get(TOKENS, bearer(key.plaintext()));
        api.postJson(TOKENS, "{\"name\": \"n\"}", bearer(key.plaintext()));
        api.postJson(TOKENS, "{\"name\": \"n\"}", bearer(key.plaintext()));
        Scrape after = Scrape.of(api);
        String read = "scope=\"tokens:read\"";
        String write = "scope=\"tokens:write\"";
        assertThat(after.sum("vai_authorizations_denied_total", read) - before.sum("vai_authorizations_denied_total",
                read)).isEqualTo(1.0);
        assertThat(after.sum("vai_authorizations_denied_total", write) - before.sum("vai_authorizations_denied_total",
                write)).isEqualTo(2.0);
        assertThat(after.names()).contains("vai_authorizations_denied_total");
    }

    /** The answer's body, but for {@code lastUsedAt}, which the first of two reads may move before the second. */
    private static String settled(Response response) {
        if (response.status() != 200) {
            return response.body();
        }
        return ((com.fasterxml.jackson.databind.node.ObjectNode) response.json()).without("lastUsedAt").toString();
    }

    /** The read-one-token fast path and the controller enforce one rule and give one answer, case by case. */
    @Test
    void theFastPathAndTheControllerAnswerEveryReadAlike() {
        Issued bob = api.issue(aSession());
        Issued bare = api.issue(anApiKey().named("bare").withScopes().by(alice));
        Issued reader = api.issue(anApiKey().named("reader").by(alice));
        String unknown = UUID.randomUUID().toString();
        List<String[]> cases = List.of(
                new String[] {bare.plaintext(), bare.id()},
                new String[] {bare.plaintext(), bare.id().toUpperCase(Locale.ROOT)},
                new String[] {bare.plaintext(), alice.id()},
                new String[] {bare.plaintext(), unknown},
                new String[] {bare.plaintext(), bob.id()},
                new String[] {bare.plaintext(), "not-a-uuid"},
                new String[] {reader.plaintext(), reader.id()},
                new String[] {reader.plaintext(), alice.id()},
                new String[] {reader.plaintext(), unknown},
                new String[] {reader.plaintext(), bob.id()},
                new String[] {reader.plaintext(), "not-a-uuid"});
        List<Integer> statuses = new ArrayList<>();
        for (String[] each : cases) {
            Response fast = api.get(TOKENS + "/" + each[1], bearer(each[0]));
            Response controller = api.get(TOKENS + "/" + each[1], "Authorization", "Bearer " + each[0], "Accept",
                    CONTROLLER_ONLY);
            assertThat(controller.status()).as(each[1]).isEqualTo(fast.status());
            assertThat(settled(controller)).as(each[1]).isEqualTo(settled(fast));
            assertThat(controller.header("WWW-Authenticate")).as(each[1]).isEqualTo(fast.header("WWW-Authenticate"));
            statuses.add(fast.status());
        }
        assertThat(statuses).containsExactly(200, 200, 403, 403, 403, 403, 200, 200, 404, 404, 422);
    }
}
