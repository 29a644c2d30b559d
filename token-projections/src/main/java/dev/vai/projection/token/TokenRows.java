package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one mapping from an {@code access_token_view} row to a {@link TokenView}, for every plain-SQL read: the columns
 * to select ({@link #columns(String)}) and their reading, scopes through the catalog.
 */
@Component
class TokenRows {

    private static final String[] COLUMNS = {"token_id", "owner_id", "token_type", "name", "token_prefix", "created_at",
        "expires_at", "last_used_at", "revoked_at", "scopes"};
    /** How many columns {@link #columns(String)} names. */
    static final int COUNT = COLUMNS.length;

    private final ScopeCatalog catalog;

    TokenRows(ScopeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The view's columns of the table aliased {@code alias}, in the order {@link #view} reads them. */
    static String columns(String alias) {
        StringBuilder columns = new StringBuilder();
        for (String column : COLUMNS) {
            columns.append(columns.isEmpty() ? "" : ", ").append(alias).append('.').append(column);
        }
        return columns.toString();
    }

    /** The view in the {@link #COUNT} columns from {@code first} on; null when they are null (an outer join's miss). */
    TokenView view(ResultSet row, int first) throws SQLException {
        UUID id = row.getObject(first, UUID.class);
        if (id == null) {
            return null;
        }
        return new TokenView(new AccessTokenId(id), new OwnerId(row.getString(first + 1)),
                TokenType.valueOf(row.getString(first + 2)), row.getString(first + 3),
                new TokenPrefix(row.getString(first + 4)), instant(row.getTimestamp(first + 5)),
                instant(row.getTimestamp(first + 6)), instant(row.getTimestamp(first + 7)),
                instant(row.getTimestamp(first + 8)), scopes(row.getString(first + 9)));
    }

    /** Stored scopes as they count today. */
    Scopes scopes(String stored) {
        return catalog.effective(Scopes.parse(stored));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
