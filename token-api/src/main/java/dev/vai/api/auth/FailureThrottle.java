package dev.vai.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-authentication throttling, in memory, per instance, per client address: once a client has failed
 * {@code limit} times within a window of {@link #WINDOW}, its further failures are answered 429 until the window
 * has passed. Successes are never refused. Counting is a map lookup: no I/O, so a malformed token still costs no
 * database query. With {@code limit} 0 it is off. Across N instances a client gets at most N x limit failures a
 * minute.
 */
public final class FailureThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Beyond this many clients, windows that have passed are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long startMillis, int failures) {
    }

    public FailureThrottle(int limit, Clock clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("VAI_AUTH_FAILURE_LIMIT must be 0 (off) or positive");
        }
        this.limit = limit;
        this.clock = clock;
    }

    /** Whole seconds until {@code client} may fail again without a 429; 0 if it is not throttled. */
    public long throttledFor(String client) {
        if (limit == 0 || client == null) {
            return 0;
        }
        Window window = windows.get(client);
        long now = clock.millis();
        if (window == null || window.failures() < limit || now >= window.startMillis() + WINDOW.toMillis()) {
            return 0;
        }
        return Math.max(1, (window.startMillis() + WINDOW.toMillis() - now + 999) / 1000);
    }

    public void recordFailure(String client) {
        if (limit == 0 || client == null) {
            return;
        }
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> now >= window.startMillis() + WINDOW.toMillis());
        }
        windows.compute(client, (key, window) -> window == null || now >= window.startMillis() + WINDOW.toMillis()
                ? new Window(now, 1) : new Window(window.startMillis(), window.failures() + 1));
    }
}
