package dev.vai.projection.token;

import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code access_token_view} in step with the events. Runs in the processing group
 * {@value TokenViewProcessing#GROUP}, which is subscribing with a propagating error handler: the row commits with the
 * event or neither does, so a token is usable the moment it is issued and refused the moment its revocation returns.
 */
@Component
@ProcessingGroup(TokenViewProcessing.GROUP)
class TokenViewProjection {

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(AccessTokenIssued event) {
        entityManager.persist(TokenViewEntity.of(event));
    }

    @EventHandler
    void on(AccessTokenRevoked event) {
        entityManager.createQuery("update TokenViewEntity t set t.revokedAt = :at where t.id = :id and t.revokedAt is null")
                .setParameter("at", event.revokedAt())
                .setParameter("id", event.tokenId().value())
                .executeUpdate();
    }
}
