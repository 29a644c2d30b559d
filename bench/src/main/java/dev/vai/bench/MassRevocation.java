package dev.vai.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Revoking every token of one owner at once: revoke-all of an owner's API keys through the public API (by the owner's
 * session, which it keeps), and deprovisioning of a user's sessions through the internal API. Each is timed from the
 * call until its answer, and until the event store holds a revocation event for every one of the tokens (today each
 * token's audit record commits with its event, in the outbox, so that is also when the last record is committed),
 * against the rows per second of the single-row JDBC baseline. Once the call has answered, every token the suite
 * knows the plaintext of must fail authentication.
 */
final class MassRevocation {

    /** Tokens minted through the API, whose plaintexts are known, to check they fail once the call has answered. */
    static final int PROBES = 50;
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    /** Tokens of each kind revoked before the measured calls, to warm the service up. */
    private static final int WARM_UP_TOKENS = 2_000;

    private MassRevocation() {
    }

    static List<Row> run(Infrastructure infrastructure, int tokens, Measures.JdbcResult baseline) throws Exception {
        Http http = new Http(infrastructure);
        List<Row> rows = new ArrayList<>();
        warmUp(infrastructure, http, Math.min(tokens, WARM_UP_TOKENS));

        String owner = "bench-revoke-all";
        String session = http.session(owner);
        List<String[]> keys = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            keys.add(http.createKey(session, "probe " + i));
        }
        BulkLoader.loadActive(infrastructure, owner, false, tokens - PROBES);
        rows.add(measure(infrastructure, http, String.format("Revoke-all of an owner with %,d active API keys"
                        + " (DELETE /api/v1/access-tokens)", tokens), tokens, owner, "API_KEY", keys, baseline,
                http.request("/api/v1/access-tokens").header("Authorization", "Bearer " + session).DELETE().build()));

        String user = "bench-deprovisioned";
        List<String[]> sessions = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            sessions.add(http.sessionToken(user));
        }
        BulkLoader.loadActive(infrastructure, user, true, tokens - PROBES);
        rows.add(measure(infrastructure, http, String.format("Deprovisioning of a user with %,d sessions"
                        + " (DELETE /internal/v1/users/{userId}/access-tokens)", tokens), tokens, user, "SESSION",
                sessions, baseline, http.request("/internal/v1/users/" + user + "/access-tokens")
                        .header("X-Admin-Key", Infrastructure.ADMIN_KEY).DELETE().build()));
        return rows;
    }

    /**
     * Both calls once, untimed, on owners of their own: the first measured call would otherwise also time the JIT
     * compiling the revocation path, as no measure before this one runs it.
     */
    private static void warmUp(Infrastructure infrastructure, Http http, int tokens) throws Exception {
        String owner = "bench-warm-up-keys";
        String session = http.session(owner);
        BulkLoader.loadActive(infrastructure, owner, false, tokens);
        expectOk(http.send(http.request("/api/v1/access-tokens").header("Authorization", "Bearer " + session)
                .DELETE().build()));
        String user = "bench-warm-up-sessions";
        BulkLoader.loadActive(infrastructure, user, true, tokens);
        expectOk(http.send(http.request("/internal/v1/users/" + user + "/access-tokens")
                .header("X-Admin-Key", Infrastructure.ADMIN_KEY).DELETE().build()));
    }

    private static void expectOk(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The warm-up's revocation answered " + answer.statusCode());
        }
    }

    private static Row measure(Infrastructure infrastructure, Http http, String name, int tokens, String owner,
            String type, List<String[]> probes, Measures.JdbcResult baseline, HttpRequest call) throws Exception {
        try (Connection connection = infrastructure.connect()) {
            Array ids = ids(connection, owner, type);
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(call);
            double answeredSeconds = (System.nanoTime() - started) / 1e9;
            int counted = Http.json(answer).get("revokedCount").asInt();
            // the probes run beside the wait for the events, so that neither delays the other's figure
            CompletableFuture<Integer> stillWorking = CompletableFuture.supplyAsync(() -> {
                int working = 0;
                for (String[] probe : probes) {
                    int status = http.send(http.request("/api/v1/access-tokens/" + probe[0])
                            .header("Authorization", "Bearer " + probe[1]).GET().build()).statusCode();
                    working += status == 401 ? 0 : 1;
                }
                return working;
            });
            long revocations;
            long deadline = started + DEADLINE.toNanos();
            while ((revocations = revocations(connection, ids)) < tokens && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double committedSeconds = (System.nanoTime() - started) / 1e9;
            int working = stillWorking.get();
            double rate = tokens / committedSeconds;
            double ratio = rate / baseline.throughput();
            return new Row(name, String.format("%.0f tokens/s: answered in %.2f s (revokedCount %,d), every"
                            + " revocation event committed after %.2f s (%,d of %,d); %d of %d probed tokens still"
                            + " authenticated after the answer", rate, answeredSeconds, counted, committedSeconds,
                    revocations, tokens, working, probes.size()), baseline.describe(), String.format("%.3f", ratio),
                    "tokens/s >= 0.2 x rows/s, none authenticates after the answer", ratio >= 0.2 && working == 0
                    && counted == tokens && revocations == tokens);
        }
    }

    /** The ids of {@code owner}'s active tokens of {@code type}, as the event store writes them. */
    private static Array ids(Connection connection, String owner, String type) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select token_id from access_token_view"
                + " where owner_id = ? and revoked_at is null and token_type = ?")) {
            select.setString(1, owner);
            select.setString(2, type);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return connection.createArrayOf("varchar", ids.toArray());
    }

    private static long revocations(Connection connection, Array ids) throws Exception {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from domain_event_entry"
                + " where aggregate_identifier = any(?) and payload_type = 'dev.vai.token.AccessTokenRevoked'")) {
            count.setArray(1, ids);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
