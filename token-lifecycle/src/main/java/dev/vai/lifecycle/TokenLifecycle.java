package dev.vai.lifecycle;

import dev.vai.projection.token.PagePosition;
import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.IssueAccessToken;
import dev.vai.token.Issuer;
import dev.vai.token.Lifetime;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.RevokeAccessToken;
import dev.vai.token.Revoker;
import dev.vai.token.Scopes;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and revokes tokens through the AccessToken aggregate. A write conflict (another instance or request revoked
 * the same token first) rolls back and the command or batch is retried, so a token is revoked and counted exactly
 * once.
 *
 * <p><b>Lineage.</b> Revoking an API key revokes, in the same transaction, every key it issued and theirs in turn
 * (reason {@code parent_revoked}); keys a session issued outlive it. A key created by an API key is created while
 * that key's read-model row is locked and only if the key is still active; a revocation updates that row before it
 * looks for the keys the token issued. So a key created at the moment its parent is revoked is either refused or
 * found and revoked with the parent: a leaked key cannot leave a child behind.
 */
@Component
public class TokenLifecycle {

    public static final int REVOKE_ALL_BATCH = 200;
    private static final int ATTEMPTS = 5;
    private static final Set<String> RETRYABLE_STATES = Set.of("40P01", "40001");
    private static final Logger log = LoggerFactory.getLogger(TokenLifecycle.class);

    private final CommandGateway commands;
    private final TokenQueries queries;
    private final TokenHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TokenMetrics metrics;
    private final SetBasedRevocation setBased;
    private final int maxActiveKeys;

    TokenLifecycle(CommandGateway commands, TokenQueries queries, TokenHasher hasher, SecureRandom random,
            Clock clock, PlatformTransactionManager transactionManager, TokenMetrics metrics,
            SetBasedRevocation setBased, LifecycleSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.setBased = setBased;
        this.maxActiveKeys = settings.maxActiveKeysPerOwner();
    }

    /**
     * Issues a token on {@code issuer}'s authority. {@code lifetime} null means no expiry of its own; a key issued by
     * an expiring API key expires with it at the latest, whatever the lifetime (the command's rule). The token returned
     * is the view the read model shows for it, mapped from the event as the projection maps it. An API key beyond the owner's limit of
     * active keys is refused ({@link TooManyActiveKeys}), as is a key whose issuing key was revoked or expired since it
     * authenticated ({@link IssuerNoLongerActive}).
     */
    public IssuedToken issue(Issuer issuer, OwnerId owner, TokenType type, TokenName name, Scopes scopes,
            Lifetime lifetime, RequestContext context) {
        Instant now = now();
        Instant expiresAt = lifetime == null ? null : lifetime.expiresAt(now);
        // best effort: creates in flight at the same moment may pass it together (no per-owner lock)
        if (type == TokenType.API_KEY && queries.hasActiveApiKeys(owner, now, maxActiveKeys)) {
            throw new TooManyActiveKeys(maxActiveKeys);
        }
        PlaintextToken plaintext = PlaintextToken.generate(type, random);
        IssueAccessToken command = new IssueAccessToken(AccessTokenId.random(), owner, type, name, plaintext.prefix(),
                hasher.hash(plaintext), now, expiresAt, scopes, issuer);
        if (issuer instanceof Issuer.Token key && key.isApiKey()) {
            transaction.executeWithoutResult(status -> {
                if (!queries.lockIfActive(key.tokenId(), now)) {
                    throw new IssuerNoLongerActive();
                }
                send(command, context);
            });
        } else {
            send(command, context);
        }
        metrics.issued(type);
        log.info("Issued {} token {} ({}) to owner {} with scopes [{}], issued by {}", type.wireName(),
                command.tokenId(), command.prefix(), owner, scopes, issuer instanceof Issuer.Token token
                        ? "token " + token.tokenId() : "admin");
        return new IssuedToken(plaintext, queries.viewOf(AccessTokenIssued.of(command)));
    }

    /**
     * Revokes {@code token} and, if it is an API key, the keys it issued and theirs in turn, in one transaction.
     * Answers how many tokens this call revoked: none if all of them were revoked already (the descendants are looked
     * for even then, so repeating a call that failed midway completes it).
     */
    public int revoke(TokenView token, Revoker revoker, RevocationReason reason, RequestContext context) {
        Instant now = now();
        Revoked revoked = retrying(() -> transaction.execute(status -> {
            // the admin acts for every owner: its command names none, so nothing read here decides the ownership check
            boolean itself = revoke(new RevokeAccessToken(token.id(), revoker.isAdmin() ? null : token.owner(),
                    revoker, reason, now), context);
            int descendants = revokeIssuedBy(token.type() == TokenType.API_KEY ? List.of(token.id()) : List.of(),
                    now, context);
            return new Revoked(itself ? 1 : 0, descendants);
        }));
        record(revoked, reason);
        if (revoked.direct() > 0 || revoked.descendants() > 0) {
            log.info("Revoked token {} of owner {} (reason {}, by {}){}", token.id(), token.owner(), reason.wireName(),
                    by(revoker), revoked.descendants() == 0 ? ""
                            : " and " + revoked.descendants() + " keys issued from it (reason parent_revoked)");
        }
        return revoked.total();
    }

    /**
     * Revokes every active token of {@code owner} except {@code keep} (null: none), in batches of short
     * transactions, each with the keys its API keys issued. A batch's own tokens are revoked as set-based work
     * ({@link SetBasedRevocation}), the keys they issued through the aggregate. Answers how many this call revoked;
     * a token revoked meanwhile by another call is not counted here. If it fails midway, the revocations of finished
     * batches stand and a retry completes the rest.
     */
    public int revokeAll(OwnerId owner, AccessTokenId keep, Revoker revoker, RevocationReason reason,
            RequestContext context) {
        Instant startedAt = now();
        Revoked total = new Revoked(0, 0);
        PagePosition after = null;
        while (true) {
            List<TokenView> batch = queries.activeTokens(owner, startedAt, after, REVOKE_ALL_BATCH);
            List<TokenView> targets = batch.stream().filter(token -> !token.id().equals(keep)).toList();
            if (!targets.isEmpty()) {
                Revoked batchRevoked = retrying(() -> transaction.execute(status -> {
                    Instant now = now();
                    int direct = setBased.revoke(owner, targets, revoker, reason, now, context).size();
                    List<AccessTokenId> keys = targets.stream().filter(token -> token.type() == TokenType.API_KEY)
                            .map(TokenView::id).toList();
                    return new Revoked(direct, revokeIssuedBy(keys, now, context));
                }));
                record(batchRevoked, reason);
                total = total.plus(batchRevoked);
            }
            if (batch.size() < REVOKE_ALL_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).position();
        }
        log.info("Revoked all {} active tokens of owner {} (reason {}, by {}), {} of them as keys issued from revoked"
                + " ones", total.total(), owner, reason.wireName(), by(revoker), total.descendants());
        return total.total();
    }

    /** How many tokens a call revoked itself, and how many of them with their parent. */
    private record Revoked(int direct, int descendants) {

        int total() {
            return direct + descendants;
        }

        Revoked plus(Revoked other) {
            return new Revoked(direct + other.direct, descendants + other.descendants);
        }
    }

    /**
     * Revokes the keys {@code parents} issued, then theirs, level by level, in the caller's transaction; expired ones
     * too, so that the tree leaves the lineage index and the audit stream shows each key's end.
     */
    private int revokeIssuedBy(Collection<AccessTokenId> parents, Instant now, RequestContext context) {
        int revoked = 0;
        Set<AccessTokenId> seen = new HashSet<>(parents);
        List<AccessTokenId> level = List.copyOf(parents);
        while (!level.isEmpty()) {
            List<AccessTokenId> next = new ArrayList<>();
            for (TokenQueries.Child child : queries.unrevokedChildren(level)) {
                if (!seen.add(child.id())) {
                    continue;
                }
                next.add(child.id());
                if (revoke(new RevokeAccessToken(child.id(), child.owner(), Revoker.parent(child.parent()),
                        RevocationReason.PARENT_REVOKED, now), context)) {
                    revoked++;
                }
            }
            level = next;
        }
        return revoked;
    }

    private void record(Revoked revoked, RevocationReason reason) {
        metrics.revoked(reason, revoked.direct());
        metrics.revoked(RevocationReason.PARENT_REVOKED, revoked.descendants());
    }

    /** True when this command revoked the token, false when it was revoked already. */
    private boolean revoke(RevokeAccessToken command, RequestContext context) {
        return Boolean.TRUE.equals(send(command, context));
    }

    private <R> R send(Object command, RequestContext context) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(context.toMetaData())));
    }

    private static <R> R retrying(Supplier<R> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                log.debug("Write conflict (attempt {} of {}); retrying", attempt, ATTEMPTS);
                sleepQuietly(attempt * 10L);
            }
        }
    }

    /**
     * Another writer got there first (same aggregate sequence number), or the database chose us as a deadlock victim:
     * translated by Spring, or (from Hibernate or Axon's event storage, which do not translate) as the driver's
     * SQLSTATE 40P01 (deadlock detected) or 40001 (serialization failure).
     */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof PessimisticLockingFailureException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                            && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String by(Revoker revoker) {
        return revoker.isAdmin() ? "admin" : "token " + revoker.viaToken();
    }
}
