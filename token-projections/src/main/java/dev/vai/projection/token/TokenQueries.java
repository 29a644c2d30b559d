package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queries of the listing, of revoke-all and of the issuing rules. Every page is one bounded range scan per token
 * type of an index that starts with the owner and the type and follows the listing's order, so page 1000 costs what
 * page 1 costs.
 */
@Repository
public class TokenQueries {

    private static final String ORDER = " order by t.created_at desc, t.token_id desc";
    private static final String FIND = "select " + TokenRows.columns("t") + " from access_token_view t"
            + " where t.token_id = ?";
    private static final String LOCK = FIND + " for update";
    /** Parents per statement of the lineage walk; a level of the tree with more children takes several. */
    private static final int CHILDREN_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final TokenRows rows;
    private final ApiKeyCounts counts;

    TokenQueries(JdbcTemplate jdbc, TokenRows rows, ApiKeyCounts counts) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.counts = counts;
    }

    /** A key a token issued that is not revoked (it may have expired). */
    public record Child(AccessTokenId id, OwnerId owner, AccessTokenId parent) {
    }

    /** One plain statement, outside any transaction and JPA session: it runs on every read of a token. */
    /**
     * The view of a token just issued by {@code event}, before any read: the row the projection writes for it, as
     * every later read shows it (no last use, not revoked).
     */
    public TokenView viewOf(AccessTokenIssued event) {
        return TokenViewEntity.of(event).toView(rows);
    }

    public Optional<TokenView> find(AccessTokenId id) {
        return jdbc.query(FIND, (row, number) -> rows.view(row, 1), id.value()).stream().findFirst();
    }

    /** The token if it exists and belongs to {@code owner}; empty in both other cases alike. */
    public Optional<TokenView> findOwned(OwnerId owner, AccessTokenId id) {
        return find(id).filter(token -> token.owner().equals(owner));
    }

    /**
     * Up to {@code count} of the owner's tokens that match the filter, newest first, after {@code after} if given. One
     * statement, outside any transaction.
     */
    public List<TokenView> page(OwnerId owner, ListFilter filter, PagePosition after, int count) {
        return range(owner, filter.type(), filter.includeRevoked() ? "" : " and t.revoked_at is null", List.of(), after,
                count);
    }

    /**
     * Up to {@code count} of the owner's active tokens (neither revoked nor expired at {@code now}), in listing order
     * after {@code after}: revoke-all walks them in batches.
     */
    @Transactional(readOnly = true)
    public List<TokenView> activeTokens(OwnerId owner, Instant now, PagePosition after, int count) {
        return range(owner, null, " and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)",
                List.of(Timestamp.from(now)), after, count);
    }

    /**
     * Up to {@code count} of the owner's tokens of {@code type} (every type when null) that also match
     * {@code condition} (SQL on alias {@code t}, its parameters in {@code arguments}), in listing order after
     * {@code after}. One type is one range scan of an index on (owner, type, created_at, id); every type is one such
     * scan per type, each bounded by {@code count}, merged (PostgreSQL plans a Merge Append). The table therefore
     * needs no index on the owner alone: two index entries fewer on every create.
     */
    private List<TokenView> range(OwnerId owner, TokenType type, String condition, List<Object> arguments,
            PagePosition after, int count) {
        List<TokenType> types = type == null ? List.of(TokenType.values()) : List.of(type);
        String position = after == null ? "" : " and (t.created_at, t.token_id) < (?, ?)";
        List<String> ranges = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (TokenType each : types) {
            ranges.add("select " + TokenRows.columns("t") + " from access_token_view t where t.owner_id = ?"
                    + " and t.token_type = ?" + condition + position + ORDER + " limit ?");
            parameters.add(owner.value());
            parameters.add(each.name());
            parameters.addAll(arguments);
            if (after != null) {
                parameters.add(Timestamp.from(after.createdAt()));
                parameters.add(after.id().value());
            }
            parameters.add(count);
        }
        String sql = ranges.get(0);
        if (ranges.size() > 1) {
            sql = "select " + TokenRows.columns("t") + " from ((" + String.join(") union all (", ranges) + ")) t"
                    + ORDER + " limit ?";
            parameters.add(count);
        }
        return jdbc.query(sql, (row, number) -> rows.view(row, 1), parameters.toArray());
    }

    /**
     * Whether the owner has {@code limit} active API keys or more. Its unrevoked keys ({@link ApiKeyCounts}, one row)
     * bound its active ones from above, so only an owner whose unrevoked keys reach the limit has them counted, and
     * then no further than the limit: the cost is bounded by the limit, however many keys there are.
     */
    public boolean hasActiveApiKeys(OwnerId owner, Instant now, int limit) {
        if (counts.unrevoked(owner) < limit) {
            return false;
        }
        Integer count = jdbc.queryForObject("select count(*) from (select 1 from access_token_view"
                        + " where owner_id = ? and token_type = 'API_KEY' and revoked_at is null"
                        + " and (expires_at is null or expires_at > ?) limit ?) active", Integer.class,
                owner.value(), Timestamp.from(now), limit);
        return count != null && count >= limit;
    }

    /**
     * The unrevoked keys the given tokens issued, expired or not. Run after the parents' revocations in the same
     * transaction, it also sees a key whose creation was waiting on {@link #lockIfActive} and has just committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Child> unrevokedChildren(Collection<AccessTokenId> parents) {
        List<Child> children = new ArrayList<>();
        List<AccessTokenId> all = List.copyOf(parents);
        for (int from = 0; from < all.size(); from += CHILDREN_PER_QUERY) {
            List<AccessTokenId> chunk = all.subList(from, Math.min(all.size(), from + CHILDREN_PER_QUERY));
            String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            children.addAll(jdbc.query("select token_id, owner_id, issued_by_token_id from access_token_view"
                            + " where issued_by_token_id in (" + placeholders + ") and revoked_at is null",
                    (row, number) -> new Child(new AccessTokenId(row.getObject(1, UUID.class)),
                            new OwnerId(row.getString(2)), new AccessTokenId(row.getObject(3, UUID.class))),
                    chunk.stream().map(AccessTokenId::value).toArray()));
        }
        return children;
    }

    /**
     * Locks the token's row until the transaction ends and says whether the token is still active at {@code now}.
     * A key's creation by an API key holds this lock, and the key's revocation updates that row before it looks for
     * the keys it issued: a key created at the moment its parent is revoked is either refused or found and revoked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockIfActive(AccessTokenId id, Instant now) {
        List<TokenView> locked = jdbc.query(LOCK, (row, number) -> rows.view(row, 1), id.value());
        return locked.stream().anyMatch(token -> !token.isRevoked() && !token.isExpiredAt(now));
    }

    /**
     * Locks, until the transaction ends, the rows of those of {@code ids} that are not revoked, and answers them. Rows
     * are locked in token id order, so two revoke-all calls over the same tokens wait for each other instead of
     * deadlocking; a row revoked by a transaction that committed while this one waited is not answered. Set-based
     * revocation (token-lifecycle's {@code SetBasedRevocation}) revokes exactly these tokens, and a key whose
     * creation waits on {@link #lockIfActive} for one of them is refused once this transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<TokenView> lockUnrevoked(Collection<AccessTokenId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.query("select " + TokenRows.columns("t") + " from access_token_view t where t.token_id in ("
                        + placeholders + ") and t.revoked_at is null order by t.token_id for update",
                (row, number) -> rows.view(row, 1), ids.stream().map(AccessTokenId::value).toArray());
    }
}
