package dev.vai.app;

import dev.vai.api.internal.AuditReplays;
import dev.vai.export.replay.AuditReplay;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The exporter's replay, as the internal API's replay endpoint sees it: the one place where the two modules meet. */
@Component
class AuditReplayAdapter implements AuditReplays {

    private final AuditReplay replay;

    AuditReplayAdapter(AuditReplay replay) {
        this.replay = replay;
    }

    @Override
    public Optional<Progress> start(Instant from) {
        try {
            return Optional.of(progress(replay.start(from)));
        } catch (IllegalStateException alreadyRunning) {
            return Optional.empty();
        }
    }

    @Override
    public Progress progress() {
        return progress(replay.status());
    }

    private static Progress progress(AuditReplay.Status status) {
        return new Progress(status.running(), status.from(), status.queued(), status.startedAt(),
                status.finishedAt(), status.error());
    }
}
