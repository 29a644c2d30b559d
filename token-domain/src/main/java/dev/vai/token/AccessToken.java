package dev.vai.token;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One access token's lifecycle: issued once, revoked at most once. Command handlers check the invariants and
 * apply events; event sourcing handlers only assign state.
 *
 * <p>Issuing checks the issuer's authority: a token never grants a scope it does not hold, creates keys only with
 * {@code tokens:write}; that an API key's keys never outlive it is the command's own rule ({@link IssueAccessToken}). A revocation for a parent's revocation
 * must name the token that issued this one.
 */
public class AccessToken {

    @AggregateIdentifier
    private AccessTokenId tokenId;
    private OwnerId owner;
    private TokenType type;
    private TokenName name;
    private TokenPrefix prefix;
    private Instant issuedAt;
    private Instant expiresAt;
    private IssuedBy issuedBy;
    private boolean revoked;

    protected AccessToken() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public AccessToken(IssueAccessToken command) {
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.issuedAt())) {
            throw new InvalidLifetime("A token must expire after it is issued");
        }
        Issuer issuer = command.issuer();
        Scopes missing = issuer.missingToGrant(command.scopes());
        if (!missing.isEmpty()) {
            throw new InsufficientScope(missing);
        }
        apply(AccessTokenIssued.of(command));
    }

    @CommandHandler
    public boolean handle(RevokeAccessToken command) {
        if (command.owner() != null && !owner.equals(command.owner())) {
            throw new AccessTokenNotFound(command.tokenId()); // only the admin names no owner (RevokeAccessToken)
        }
        if (command.reason() == RevocationReason.PARENT_REVOKED
                && !command.revoker().viaToken().equals(issuedBy.tokenId())) {
            throw new NotItsParent(tokenId, command.revoker().viaToken());
        }
        if (revoked) {
            return false;
        }
        apply(new AccessTokenRevoked(command.tokenId(), owner, command.revoker(), command.reason(),
                command.revokedAt(), type, name, prefix, issuedAt, expiresAt));
        return true;
    }

    @EventSourcingHandler
    void on(AccessTokenIssued event) {
        tokenId = event.tokenId();
        owner = event.owner();
        type = event.type();
        name = event.name();
        prefix = event.prefix();
        issuedAt = event.issuedAt();
        expiresAt = event.expiresAt();
        issuedBy = event.issuedBy();
    }

    @EventSourcingHandler
    void on(AccessTokenRevoked event) {
        revoked = true;
    }
}
