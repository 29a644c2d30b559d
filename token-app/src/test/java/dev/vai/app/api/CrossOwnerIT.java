package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Another owner's token is indistinguishable from one that does not exist, and cannot be touched. */
@ServiceIT
class CrossOwnerIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String NOBODYS = "00000000-0000-4000-8000-000000000000";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;
    private Issued alice;
    private Issued bob;
    private Issued aliceKey;

    @BeforeEach
    void setUp() {
        alice = api.issue(aSession());
        bob = api.issue(aSession());
        aliceKey = api.issue(anApiKey().named("alice's").by(alice));
    }

    @Test
    void readingAnotherOwnersTokenIs404ByteForByteLikeAMissingOne() {
        Response foreign = api.get(TOKENS + "/" + aliceKey.id(), bearer(bob.plaintext()));
        Response missing = api.get(TOKENS + "/" + NOBODYS, bearer(bob.plaintext()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(foreign.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
    }

    @Test
    void revokingAnotherOwnersTokenIs404ChangesNothingAndTheTokenKeepsWorking() {
        Response foreign = api.delete(TOKENS + "/" + aliceKey.id(), bearer(bob.plaintext()));
        Response missing = api.delete(TOKENS + "/" + NOBODYS, bearer(bob.plaintext()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(new EventStore(jdbc).revocationsOf(aliceKey.id())).isZero();
        assertThat(api.get(TOKENS, bearer(aliceKey.plaintext())).status()).isEqualTo(200);
    }

    @Test
    void revokeAllTouchesOnlyTheCallersTokens() {
        api.issue(anApiKey().named("bob's").by(bob));
        assertThat(api.delete(TOKENS + "?exclude_current=false", bearer(bob.plaintext())).json()
                .get("revokedCount").asInt()).isEqualTo(2);
        assertThat(api.get(TOKENS, bearer(aliceKey.plaintext())).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).status()).isEqualTo(200);
    }

    @Test
    void theListingNeverShowsAnotherOwnersTokens() {
        assertThat(api.get(TOKENS + "?includeRevoked=true", bearer(bob.plaintext())).json().get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(bob.id());
    }
}
