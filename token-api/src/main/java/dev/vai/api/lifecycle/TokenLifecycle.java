package dev.vai.api.lifecycle;

import dev.vai.projection.token.PagePosition;
import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.IssueAccessToken;
import dev.vai.token.Lifetime;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.RevokeAccessToken;
import dev.vai.token.Revoker;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * Issues and revokes tokens through the AccessToken aggregate. Each command is its own short transaction, except in
 * revoke-all, where a batch of up to {@value #REVOKE_ALL_BATCH} revocations shares one; a write conflict (another
 * instance or request revoked the same token first) rolls back and the command or batch is retried, so a token is
 * revoked and counted exactly once.
 */
@Component
public class TokenLifecycle {

    public static final int REVOKE_ALL_BATCH = 200;
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(TokenLifecycle.class);

    private final CommandGateway commands;
    private final TokenQueries queries;
    private final TokenHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TokenMetrics metrics;

    TokenLifecycle(CommandGateway commands, TokenQueries queries, TokenHasher hasher, SecureRandom random,
            Clock clock, PlatformTransactionManager transactionManager, TokenMetrics metrics) {
        this.commands = commands;
        this.queries = queries;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
    }

    /** Issues a token; {@code lifetime} null means it never expires. */
    public IssuedToken issue(OwnerId owner, TokenType type, TokenName name, Lifetime lifetime, RequestContext context) {
        PlaintextToken plaintext = PlaintextToken.generate(type, random);
        Instant now = now();
        IssueAccessToken command = new IssueAccessToken(AccessTokenId.random(), owner, type, name, plaintext.prefix(),
                hasher.hash(plaintext), now, lifetime);
        send(command, context);
        metrics.issued(type);
        log.info("Issued {} token {} ({}) to owner {}", type.wireName(), command.tokenId(), command.prefix(), owner);
        TokenView token = new TokenView(command.tokenId(), owner, type, name.value(), command.prefix(), now,
                command.expiresAt(), null, null);
        return new IssuedToken(plaintext, token);
    }

    /** Revokes one token of {@code owner}: true if this call revoked it, false if it was revoked already. */
    public boolean revoke(AccessTokenId tokenId, OwnerId owner, Revoker revoker, RevocationReason reason,
            RequestContext context) {
        boolean revoked = retrying(() -> send(new RevokeAccessToken(tokenId, owner, revoker, reason, now()), context));
        if (revoked) {
            metrics.revoked(reason, 1);
            log.info("Revoked token {} of owner {} (reason {}, by {})", tokenId, owner, reason.wireName(), by(revoker));
        }
        return revoked;
    }

    /**
     * Revokes every active token of {@code owner} except {@code keep} (null: none), in batches of short
     * transactions. Answers how many this call revoked; a token revoked meanwhile by another call is not counted
     * here. If it fails midway, the revocations of finished batches stand and a retry completes the rest.
     */
    public int revokeAll(OwnerId owner, AccessTokenId keep, Revoker revoker, RevocationReason reason,
            RequestContext context) {
        Instant startedAt = now();
        int revoked = 0;
        PagePosition after = null;
        while (true) {
            List<TokenView> batch = queries.activeTokens(owner, startedAt, after, REVOKE_ALL_BATCH);
            List<AccessTokenId> targets = batch.stream().map(TokenView::id).filter(id -> !id.equals(keep)).toList();
            if (!targets.isEmpty()) {
                int batchRevoked = retrying(() -> transaction.execute(status -> {
                    int count = 0;
                    for (AccessTokenId tokenId : targets) {
                        if (send(new RevokeAccessToken(tokenId, owner, revoker, reason, now()), context)) {
                            count++;
                        }
                    }
                    return count;
                }));
                revoked += batchRevoked;
                metrics.revoked(reason, batchRevoked);
            }
            if (batch.size() < REVOKE_ALL_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).position();
        }
        log.info("Revoked all {} active tokens of owner {} (reason {}, by {})", revoked, owner, reason.wireName(),
                by(revoker));
        return revoked;
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

    /** Another writer got there first (same aggregate sequence number), or the database chose us as a deadlock victim. */
    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof PessimisticLockingFailureException) {
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
