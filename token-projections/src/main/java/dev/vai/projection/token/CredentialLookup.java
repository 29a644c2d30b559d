package dev.vai.projection.token;

import dev.vai.token.TokenHash;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Finds the token a hash belongs to: one indexed lookup on the unique hash, no cache, so revocation is immediate. */
@Repository
public class CredentialLookup {

    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(readOnly = true)
    public Optional<Credential> findByHash(TokenHash hash) {
        List<Credential> found = entityManager.createQuery("""
                        select new dev.vai.projection.token.Credential(
                            t.id, t.owner, t.type, t.hash, t.expiresAt, t.revokedAt, t.lastUsedAt)
                        from TokenViewEntity t where t.hash = :hash""", Credential.class)
                .setParameter("hash", hash.bytes())
                .getResultList();
        return found.stream().findFirst();
    }
}
