package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Keyset pagination: every matching token exactly once, in order, also while tokens come and go. */
@ServiceIT
class PaginationIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    TestClock clock;

    @Autowired
    Api api;
    private Issued alice;

    @BeforeEach
    void setUp() {
        alice = api.issue(aSession());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> createKeys(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.issue(anApiKey().named("key " + i).by(alice)).id());
        }
        return ids;
    }

    private JsonNode page(String query) {
        Response response = api.get(TOKENS + query, bearer(alice.plaintext()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void nextCursorIsNullExactlyWhenNothingFurtherMatches() {
        createKeys(4); // with the session: 5 tokens
        assertThat(page("?limit=5").get("nextCursor").isNull()).isTrue();
        JsonNode first = page("?limit=4");
        assertThat(ids(first)).hasSize(4);
        JsonNode second = page("?limit=4&cursor=" + first.get("nextCursor").asText());
        assertThat(ids(second)).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void tokensCreatedInTheSameMillisecondAreOrderedByIdAndNoneIsLostOrRepeated() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        List<String> created = createKeys(10);
        clock.reset();

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page("?tokenType=api_key&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(walked).containsExactlyInAnyOrderElementsOf(created);
        assertThat(walked).doesNotHaveDuplicates();
        List<String> descending = new ArrayList<>(walked);
        descending.sort((a, b) -> b.compareTo(a)); // PostgreSQL orders uuids as unsigned bytes, as this string order does
        assertThat(walked).isEqualTo(descending);
    }

    @Test
    void aListingOfEveryTypeInterleavesSessionsAndKeysInOneOrderAcrossPages() {
        // A listing without tokenType merges one index range per type: the pages must still be one order.
        String user = "interleaved-" + UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Issued> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock.set(start.plusMillis(i / 4)); // four tokens per millisecond, so ids decide within each
            tokens.add(i % 3 == 0 ? api.issue(aSession().forUser(user))
                    : api.issue(anApiKey().named("key " + i).by(tokens.get(0))));
        }
        clock.reset();
        Issued owner = tokens.get(0);
        Set<String> revoked = Set.of(tokens.get(3).id(), tokens.get(5).id());
        revoked.forEach(id -> assertThat(api.delete(TOKENS + "/" + id, bearer(owner.plaintext())).status())
                .isEqualTo(204));
        List<String> newestFirst = tokens.stream()
                .sorted(Comparator.comparing((Issued token) -> Instant.parse(token.token().get("createdAt").asText()))
                        .thenComparing(Issued::id).reversed())
                .map(Issued::id).toList();

        for (boolean includeRevoked : new boolean[] {false, true}) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                Response response = api.get(TOKENS + "?limit=5&includeRevoked=" + includeRevoked
                        + (cursor == null ? "" : "&cursor=" + cursor), bearer(owner.plaintext()));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                walked.addAll(ids(response.json()));
                cursor = response.json().get("nextCursor").isNull() ? null : response.json().get("nextCursor").asText();
            } while (cursor != null);
            List<String> expected = newestFirst.stream().filter(id -> includeRevoked || !revoked.contains(id)).toList();
            assertThat(walked).as("includeRevoked=" + includeRevoked).isEqualTo(expected);
        }
    }

    @Test
    void walkingTheCursorsReturnsEveryTokenThatStillMatchesExactlyOnceWhileTokensAreCreatedAndRevoked() {
        createKeys(24);
        List<String> existing = ids(page("?limit=200")); // everything that exists when the walk starts, in order
        JsonNode first = page("?limit=7");
        Set<String> seen = new LinkedHashSet<>(ids(first));
        Set<String> revokedUnseen = new HashSet<>();
        List<String> seenOrder = new ArrayList<>(ids(first));

        String cursor = first.get("nextCursor").asText();
        int round = 0;
        while (cursor != null) {
            // meanwhile: a new token, a revocation of one already seen and of one not yet reached
            api.issue(anApiKey().named("late " + round).by(alice));
            String aheadId = existing.get(Math.min(existing.size() - 1, seen.size() + 3));
            if (!seen.contains(aheadId) && !aheadId.equals(alice.id())) {
                api.delete(TOKENS + "/" + aheadId, bearer(alice.plaintext()));
                revokedUnseen.add(aheadId);
            }
            String behindId = seenOrder.get(round % seenOrder.size());
            if (!behindId.equals(alice.id())) {
                api.delete(TOKENS + "/" + behindId, bearer(alice.plaintext()));
            }
            JsonNode page = page("?limit=" + (5 + round % 3) + "&cursor=" + cursor);
            for (String id : ids(page)) {
                assertThat(seen.add(id)).as("returned twice: " + id).isTrue();
                seenOrder.add(id);
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            round++;
        }

        List<String> expected = new ArrayList<>(existing);
        expected.removeAll(revokedUnseen);
        assertThat(revokedUnseen).isNotEmpty();
        assertThat(new ArrayList<>(seen)).containsExactlyElementsOf(expected);
    }

    @Test
    void aCursorIsBoundToTheCallerAndTheFilterButNotTheLimit() {
        createKeys(6);
        String cursor = page("?limit=2").get("nextCursor").asText();
        Issued bob = api.issue(aSession());

        assertThat(api.get(TOKENS + "?limit=3&cursor=" + cursor, bearer(alice.plaintext())).status()).isEqualTo(200);
        assertCursorRejected(api.get(TOKENS + "?limit=2&cursor=" + cursor, bearer(bob.plaintext())));
        assertCursorRejected(api.get(TOKENS + "?limit=2&tokenType=api_key&cursor=" + cursor,
                bearer(alice.plaintext())));
        assertCursorRejected(api.get(TOKENS + "?limit=2&includeRevoked=true&cursor=" + cursor,
                bearer(alice.plaintext())));
    }

    @Test
    void aForgedOrOversizedCursorIs422() {
        createKeys(3);
        String cursor = page("?limit=1").get("nextCursor").asText();
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        char first = cursor.charAt(3);
        String movedPosition = cursor.substring(0, 3) + (first == 'A' ? 'B' : 'A') + cursor.substring(4);
        for (String bad : new String[] {tampered, movedPosition, "garbage", "%00", "AAAA", "x".repeat(12_000),
                cursor + "AA"}) {
            assertCursorRejected(api.get(TOKENS + "?cursor=" + bad, bearer(alice.plaintext())));
        }
        Response tooLong = api.get(TOKENS + "?cursor=" + "x".repeat(65_000), bearer(alice.plaintext()));
        assertThat(tooLong.status()).as("past 16 KB of request line and headers, the container's 400").isEqualTo(400);
        assertThat(tooLong.json().get("detail").asText()).isEqualTo("Bad Request");
    }

    private static void assertCursorRejected(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").get(0).asText()).isEqualTo("query");
        assertThat(error.get("loc").get(1).asText()).isEqualTo("cursor");
    }
}
