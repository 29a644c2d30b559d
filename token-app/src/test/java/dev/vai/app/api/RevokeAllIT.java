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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Revocation under concurrency: every token revoked by exactly one event, every count exact, never a 500. */
@ServiceIT
class RevokeAllIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;
    private EventStore events;

    @BeforeEach
    void setUp() {
        events = new EventStore(jdbc);
    }

    /** Creates the keys straight through the service's own write path, several at a time. */
    private List<String> createKeys(Issued owner, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                ids.add(pool.submit(() -> api.issue(anApiKey().named("bulk " + n).by(owner)).id()));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> id : ids) {
                result.add(id.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokeAllWorksThroughSeveralBatches() throws Exception {
        Issued alice = api.issue(aSession());
        List<String> keys = createKeys(alice, 450);

        Response answer = api.delete(TOKENS, bearer(alice.plaintext()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revokedCount").asInt()).isEqualTo(450);
        for (String key : keys) {
            assertThat(events.revocationsOf(key)).isEqualTo(1);
        }
        assertThat(api.get(TOKENS + "?includeRevoked=false&limit=200", bearer(alice.plaintext())).json()
                .get("items")).hasSize(1);
    }

    @Test
    void twoRacingRevokeAllCallsNeverCountATokenTwice() throws Exception {
        String user = "racer-" + java.util.UUID.randomUUID();
        Issued first = api.issue(aSession().forUser(user));
        Issued second = api.issue(aSession().forUser(user));
        List<String> keys = createKeys(first, 300);

        List<Response> answers = race(List.of(
                () -> api.delete(TOKENS, bearer(first.plaintext())),
                () -> api.delete(TOKENS, bearer(second.plaintext()))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        int total = answers.stream().mapToInt(answer -> answer.json().get("revokedCount").asInt()).sum();
        List<String> all = new ArrayList<>(keys);
        all.add(first.id());
        all.add(second.id());
        long revoked = 0;
        for (String id : all) {
            long revocations = events.revocationsOf(id);
            assertThat(revocations).as(id).isLessThanOrEqualTo(1);
            revoked += revocations;
        }
        assertThat(total).isEqualTo(revoked);
        assertThat(revoked).isGreaterThanOrEqualTo(300);
    }

    @Test
    void revokesRacingRevokeAllRevokeEachTokenOnce() throws Exception {
        Issued alice = api.issue(aSession());
        List<String> keys = createKeys(alice, 60);
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(() -> api.delete(TOKENS, bearer(alice.plaintext())).status());
        calls.add(() -> {
            for (String key : keys) {
                int status = api.delete(TOKENS + "/" + key, bearer(alice.plaintext())).status();
                if (status != 204) {
                    return status;
                }
            }
            return 204;
        });

        assertThat(race(calls)).containsExactly(200, 204);
        for (String key : keys) {
            assertThat(events.revocationsOf(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void concurrentRevokesOfOneTokenAllSucceedAndRecordOneEvent() throws Exception {
        Issued alice = api.issue(aSession());
        Issued key = api.issue(anApiKey().named("contested").by(alice));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext())).status());
        }

        assertThat(race(calls)).containsOnly(204);
        assertThat(events.revocationsOf(key.id())).isEqualTo(1);
    }
}
