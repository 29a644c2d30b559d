package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.TokenHash;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the token a hash belongs to: one indexed lookup on the unique hash, no cache, so revocation is immediate. The
 * row carries the token's scopes too, so authorization needs no second read.
 *
 * <p>Every authenticated request runs this, so it is one plain SQL statement on an autocommit connection: no
 * transaction (a read-only one adds a BEGIN and a COMMIT round trip), no JPA session (opening one per lookup cost
 * about a quarter of an authenticated read; see bench/RESULTS.md) and no repository proxy (JdbcTemplate translates
 * SQL exceptions itself). The table is the JPA read model's.
 *
 * <p>A request that will read one more token can have it read in the same statement
 * ({@link #findByHash(TokenHash, AccessTokenId)}): one round trip instead of two, and the token comes back only if
 * the credential's owner owns it.
 */
@Component
public class CredentialLookup {

    private static final String SQL = "select " + TokenRows.columns("c") + ", c.token_hash"
            + " from access_token_view c where c.token_hash = ?";
    private static final String WITH_TOKEN = "select " + TokenRows.columns("c") + ", c.token_hash, "
            + TokenRows.columns("t")
            + " from access_token_view c left join access_token_view t on t.token_id = ? and t.owner_id = c.owner_id"
            + " where c.token_hash = ?";
    private static final int HASH = TokenRows.COUNT + 1;

    /** A credential, and the token asked for alongside it: null if its owner owns no token of that id. */
    public record WithToken(Credential credential, TokenView token) {
    }

    private final JdbcTemplate jdbc;
    private final TokenRows rows;

    CredentialLookup(JdbcTemplate jdbc, TokenRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public Optional<Credential> findByHash(TokenHash hash) {
        List<Credential> found = jdbc.query(SQL, (row, number) -> new Credential(rows.view(row, 1),
                TokenHash.of(row.getBytes(HASH))), (Object) hash.bytes());
        return found.stream().findFirst();
    }

    /** The credential of {@code hash}, and token {@code tokenId} if the credential's owner owns it; one statement. */
    public Optional<WithToken> findByHash(TokenHash hash, AccessTokenId tokenId) {
        List<WithToken> found = jdbc.query(WITH_TOKEN, (row, number) -> new WithToken(
                new Credential(rows.view(row, 1), TokenHash.of(row.getBytes(HASH))), rows.view(row, HASH + 1)),
                tokenId.value(), hash.bytes());
        return found.stream().findFirst();
    }
}
