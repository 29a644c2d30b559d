package dev.vai.app.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the soak workload was told: every acknowledged issue and revocation with the moment it was acknowledged,
 * every authentication with the moment it started, every status. Checked against the event store and the topic.
 */
final class Ledger {

    record Key(String id, String plaintext, String user, long acknowledgedAt) {
    }

    record RevokeAll(String user, long startedAt, long acknowledgedAt, int count) {
    }

    record Attempt(String keyId, long startedAt, int status) {
    }

    final Map<String, Key> issued = new ConcurrentHashMap<>();
    final Map<String, Long> revokedAt = new ConcurrentHashMap<>();
    final List<RevokeAll> revokeAlls = new CopyOnWriteArrayList<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentSkipListMap<>();
    final Set<String> maybeRevoked = ConcurrentHashMap.newKeySet();

    void status(String operation, int status) {
        statuses.computeIfAbsent(operation, op -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
    }

    int count(int status) {
        return statuses.values().stream().mapToInt(byStatus -> byStatus.getOrDefault(status, new AtomicInteger())
                .get()).sum();
    }

    /** A key that, as far as the workload knows, nobody has tried to revoke; null if there is none. */
    Key liveKey() {
        List<Key> candidates = new ArrayList<>();
        for (Key key : issued.values()) {
            if (!maybeRevoked.contains(key.id())) {
                candidates.add(key);
                if (candidates.size() > 200) {
                    break;
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    /** A key at random, revoked or not, for authentication attempts. */
    Key anyKey() {
        List<Key> keys = new ArrayList<>(issued.values());
        return keys.isEmpty() ? null : keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
    }

    /**
     * Attempts that succeeded although, before they started, the key's revocation had been acknowledged, or a
     * revoke-all of its owner that began after the key was issued had been acknowledged.
     */
    List<Attempt> authenticatedAfterRevocation() {
        List<Attempt> violations = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.status() != 200) {
                continue;
            }
            Long revoked = revokedAt.get(attempt.keyId());
            boolean revokedBefore = revoked != null && revoked < attempt.startedAt();
            Key key = issued.get(attempt.keyId());
            for (RevokeAll all : revokeAlls) {
                revokedBefore |= key != null && all.user().equals(key.user()) && key.acknowledgedAt() < all.startedAt()
                        && all.acknowledgedAt() < attempt.startedAt();
            }
            if (revokedBefore) {
                violations.add(attempt);
            }
        }
        return violations;
    }
}
