package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queries of the listing and of revoke-all. Every page is one range scan of an index that starts with the owner
 * and follows the listing's order, so page 1000 costs what page 1 costs.
 */
@Repository
public class TokenQueries {

    private static final String ORDER = " order by t.createdAt desc, t.id desc";

    private static final String FIND = "select token_id, owner_id, token_type, name, token_prefix, created_at,"
            + " expires_at, last_used_at, revoked_at from access_token_view where token_id = ?";

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;

    TokenQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One plain statement, outside any transaction and JPA session: it runs on every read of a token. */
    public Optional<TokenView> find(AccessTokenId id) {
        return jdbc.query(FIND, (row, number) -> new TokenView(new AccessTokenId(row.getObject(1, UUID.class)),
                new OwnerId(row.getString(2)), TokenType.valueOf(row.getString(3)), row.getString(4),
                new TokenPrefix(row.getString(5)), CredentialLookup.instant(row.getTimestamp(6)),
                CredentialLookup.instant(row.getTimestamp(7)), CredentialLookup.instant(row.getTimestamp(8)),
                CredentialLookup.instant(row.getTimestamp(9))), id.value()).stream().findFirst();
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
        StringBuilder jpql = new StringBuilder("select t from TokenViewEntity t where t.owner = :owner");
        if (filter.type() != null) {
            jpql.append(" and t.type = :type");
        }
        if (!filter.includeRevoked()) {
            jpql.append(" and t.revokedAt is null");
        }
        if (after != null) {
            jpql.append(" and (t.createdAt, t.id) < (:afterCreatedAt, :afterId)");
        }
        TypedQuery<TokenViewEntity> query = entityManager.createQuery(jpql.append(ORDER).toString(), TokenViewEntity.class)
                .setParameter("owner", owner.value())
                .setMaxResults(count);
        if (filter.type() != null) {
            query.setParameter("type", filter.type());
        }
        bindPosition(query, after);
        return query.getResultList().stream().map(TokenViewEntity::toView).toList();
    }

    /**
     * Up to {@code count} of the owner's active tokens (neither revoked nor expired at {@code now}), in listing order
     * after {@code after}: revoke-all walks them in batches.
     */
    @Transactional(readOnly = true)
    public List<TokenView> activeTokens(OwnerId owner, Instant now, PagePosition after, int count) {
        String jpql = "select t from TokenViewEntity t where t.owner = :owner and t.revokedAt is null"
                + " and (t.expiresAt is null or t.expiresAt > :now)"
                + (after == null ? "" : " and (t.createdAt, t.id) < (:afterCreatedAt, :afterId)")
                + ORDER;
        TypedQuery<TokenViewEntity> query = entityManager.createQuery(jpql, TokenViewEntity.class)
                .setParameter("owner", owner.value())
                .setParameter("now", now)
                .setMaxResults(count);
        bindPosition(query, after);
        return query.getResultList().stream().map(TokenViewEntity::toView).toList();
    }

    private static void bindPosition(TypedQuery<?> query, PagePosition after) {
        if (after != null) {
            query.setParameter("afterCreatedAt", after.createdAt()).setParameter("afterId", after.id().value());
        }
    }
}
