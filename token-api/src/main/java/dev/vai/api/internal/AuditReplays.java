package dev.vai.api.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * What the replay endpoint needs of the audit exporter, owned here so that the HTTP layer depends on the exporter
 * through nothing: the application module adapts the exporter's replay to it.
 */
public interface AuditReplays {

    /** Where a replay stands; {@code from} null means from the beginning; {@code error} is secret-free. */
    record Progress(boolean running, Instant from, long queued, Instant startedAt, Instant finishedAt,
            String error) {
    }

    /** Starts a replay from {@code from} (null: everything); empty if one is already running. */
    Optional<Progress> start(Instant from);

    Progress progress();
}
