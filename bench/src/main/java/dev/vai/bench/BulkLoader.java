package dev.vai.bench;

import dev.vai.token.secret.Base62;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the store the way the service's write path would, only faster: for each token an {@code AccessTokenIssued}
 * event in the event store, in the very format the service writes (JSON payload, revision 2, type, timestamps, a
 * global index from the same sequence), and its read-model row, so that the event store and the read model agree.
 * They are never-expiring keys of unknown issuer, as keys from before an upgrade to scopes are.
 * Loaded with COPY while the service is idle. The tokens' plaintexts are never known (random hashes): they are there
 * to be stored, listed and counted, not used. They are not queued for the audit stream, as history from before
 * the exporter would not be.
 */
final class BulkLoader {

    static final String BIG_OWNER = "bench-big-owner";
    private static final int CHUNK = 20_000;

    private BulkLoader() {
    }

    /** {@code total} tokens, {@code bigOwnerTokens} of them {@link #BIG_OWNER}'s, the rest 100 per owner. */
    static void load(Infrastructure infrastructure, int total, int bigOwnerTokens) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        copy(infrastructure, total, i -> new Token(i < bigOwnerTokens ? BIG_OWNER
                : "bench-owner-" + (i - bigOwnerTokens) / 100, "API_KEY", "vai_k_",
                now.minusMillis((long) i * 31_000L + ThreadLocalRandom.current().nextInt(1000)), null));
    }

    /**
     * {@code count} more active tokens of {@code owner}, all API keys or all sessions (expiring in a day), issued in
     * the last minutes: for the mass revocations to revoke. Their plaintexts are not known either.
     */
    static void loadActive(Infrastructure infrastructure, String owner, boolean sessions, int count) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        copy(infrastructure, count, i -> new Token(owner, sessions ? "SESSION" : "API_KEY",
                sessions ? "vai_s_" : "vai_k_", now.minusMillis(60_000L + i), sessions ? now.plus(1, ChronoUnit.DAYS)
                        : null));
    }

    private record Token(String owner, String type, String prefix, Instant createdAt, Instant expiresAt) {
    }

    private static void copy(Infrastructure infrastructure, int total, IntFunction<Token> tokens) throws Exception {
        SecureRandom random = new SecureRandom();
        try (Connection connection = infrastructure.connect()) {
            long firstIndex = reserveGlobalIndexes(connection, total);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < total; from += CHUNK) {
                int to = Math.min(total, from + CHUNK);
                StringBuilder events = new StringBuilder((to - from) * 700);
                StringBuilder views = new StringBuilder((to - from) * 250);
                for (int i = from; i < to; i++) {
                    Token token = tokens.apply(i);
                    UUID id = UUID.randomUUID();
                    byte[] hash = new byte[32];
                    random.nextBytes(hash);
                    String prefix = token.prefix() + Base62.random(random, 6);
                    String expiresAt = token.expiresAt() == null ? "null" : "\"" + token.expiresAt() + "\"";
                    String payload = "{\"tokenId\":\"" + id + "\",\"owner\":\"" + token.owner()
                            + "\",\"type\":\"" + token.type() + "\",\"name\":\"bulk " + i + "\",\"prefix\":\""
                            + prefix + "\",\"hash\":\"" + Base64.getEncoder().encodeToString(hash)
                            + "\",\"issuedAt\":\"" + token.createdAt() + "\",\"expiresAt\":" + expiresAt
                            + ",\"scopes\":[\"api\",\"tokens:read\"],"
                            + "\"issuedBy\":{\"kind\":\"unknown\",\"tokenId\":null}}";
                    events.append(firstIndex + i).append('\t').append(UUID.randomUUID()).append('\t')
                            .append(bytea("{}")).append('\t').append(bytea(payload)).append("\t2\t")
                            .append("dev.vai.token.AccessTokenIssued\t").append(token.createdAt()).append('\t')
                            .append(id).append("\t0\tAccessToken\n");
                    views.append(id).append('\t').append(token.owner()).append('\t').append(token.type())
                            .append("\tbulk ").append(i).append('\t').append(prefix).append("\t\\\\x")
                            .append(HexFormat.of().formatHex(hash)).append('\t').append(token.createdAt())
                            .append('\t').append(token.expiresAt() == null ? "\\N" : token.expiresAt())
                            .append("\t\\N\t\\N\tapi tokens:read\tunknown\t\\N\n");
                }
                copy.copyIn("copy domain_event_entry (global_index, event_identifier, meta_data, payload,"
                        + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                        + " from stdin", new StringReader(events.toString()));
                copy.copyIn("copy access_token_view (token_id, owner_id, token_type, name, token_prefix, token_hash,"
                        + " created_at, expires_at, last_used_at, revoked_at, scopes, issued_by_kind,"
                        + " issued_by_token_id) from stdin",
                        new StringReader(views.toString()));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze domain_event_entry");
                statement.execute("analyze access_token_view");
                // the service's count of each owner's unrevoked keys (V8; absent from a service from before it),
                // which its projection keeps and this copy went around
                try (ResultSet counts = statement.executeQuery("select to_regclass('api_key_counts') is not null")) {
                    counts.next();
                    if (counts.getBoolean(1)) {
                        statement.execute("insert into api_key_counts (owner_id, unrevoked) select owner_id, count(*)"
                                + " from access_token_view where token_type = 'API_KEY' and revoked_at is null"
                                + " group by owner_id"
                                + " on conflict (owner_id) do update set unrevoked = excluded.unrevoked");
                    }
                }
            }
        }
    }

    private static long reserveGlobalIndexes(Connection connection, int count) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select nextval('domain_event_entry_seq')")) {
            result.next();
            long first = result.getLong(1);
            statement.execute("select setval('domain_event_entry_seq', " + (first + count - 1) + ")");
            return first;
        }
    }

    /** A bytea value in COPY's text format: {@code \\x} and hex (the backslash itself escaped). */
    private static String bytea(String utf8) {
        return "\\\\x" + HexFormat.of().formatHex(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
