package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the token a hash belongs to: one indexed lookup on the unique hash, no cache, so revocation is immediate.
 *
 * <p>Every authenticated request runs this, so it is one plain SQL statement on an autocommit connection: no
 * transaction (a read-only one adds a BEGIN and a COMMIT round trip), no JPA session (opening one per lookup cost
 * about a quarter of an authenticated read; see bench/RESULTS.md) and no repository proxy (JdbcTemplate translates
 * SQL exceptions itself). The table is the JPA read model's.
 */
@Component
public class CredentialLookup {

    private static final String SQL = "select token_id, owner_id, token_type, token_hash, expires_at, revoked_at,"
            + " last_used_at from access_token_view where token_hash = ?";

    private final JdbcTemplate jdbc;

    CredentialLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credential> findByHash(TokenHash hash) {
        List<Credential> found = jdbc.query(SQL, CredentialLookup::credential, (Object) hash.bytes());
        return found.stream().findFirst();
    }

    private static Credential credential(ResultSet row, int number) throws SQLException {
        return new Credential(new AccessTokenId(row.getObject(1, UUID.class)), new OwnerId(row.getString(2)),
                TokenType.valueOf(row.getString(3)), TokenHash.of(row.getBytes(4)), instant(row.getTimestamp(5)),
                instant(row.getTimestamp(6)), instant(row.getTimestamp(7)));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
