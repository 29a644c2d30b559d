package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenPrefix;
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
 *
 * <p>A read of one token ({@code GET /api/v1/access-tokens/{token_id}}, the busiest authenticated request) asks for
 * the credential and that token in the same statement ({@link #findByHash(TokenHash, AccessTokenId)}): one round
 * trip instead of two, and the token comes back only if the credential's owner owns it.
 */
@Component
public class CredentialLookup {

    private static final String COLUMNS = "c.token_id, c.owner_id, c.token_type, c.token_hash, c.expires_at,"
            + " c.revoked_at, c.last_used_at";
    private static final String SQL = "select " + COLUMNS + " from access_token_view c where c.token_hash = ?";
    private static final String WITH_TOKEN = "select " + COLUMNS + ", t.token_id, t.token_type, t.name,"
            + " t.token_prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at"
            + " from access_token_view c left join access_token_view t on t.token_id = ? and t.owner_id = c.owner_id"
            + " where c.token_hash = ?";

    /** A credential, and the token asked for alongside it: null if its owner owns no token of that id. */
    public record WithToken(Credential credential, TokenView token) {
    }

    private final JdbcTemplate jdbc;

    CredentialLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credential> findByHash(TokenHash hash) {
        List<Credential> found = jdbc.query(SQL, (row, number) -> credential(row), (Object) hash.bytes());
        return found.stream().findFirst();
    }

    /** The credential of {@code hash}, and token {@code tokenId} if the credential's owner owns it; one statement. */
    public Optional<WithToken> findByHash(TokenHash hash, AccessTokenId tokenId) {
        List<WithToken> found = jdbc.query(WITH_TOKEN, (row, number) -> {
            Credential credential = credential(row);
            UUID id = row.getObject(8, UUID.class);
            return new WithToken(credential, id == null ? null : new TokenView(new AccessTokenId(id),
                    credential.owner(), TokenType.valueOf(row.getString(9)), row.getString(10),
                    new TokenPrefix(row.getString(11)), instant(row.getTimestamp(12)), instant(row.getTimestamp(13)),
                    instant(row.getTimestamp(14)), instant(row.getTimestamp(15))));
        }, tokenId.value(), hash.bytes());
        return found.stream().findFirst();
    }

    private static Credential credential(ResultSet row) throws SQLException {
        return new Credential(new AccessTokenId(row.getObject(1, UUID.class)), new OwnerId(row.getString(2)),
                TokenType.valueOf(row.getString(3)), TokenHash.of(row.getBytes(4)), instant(row.getTimestamp(5)),
                instant(row.getTimestamp(6)), instant(row.getTimestamp(7)));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
