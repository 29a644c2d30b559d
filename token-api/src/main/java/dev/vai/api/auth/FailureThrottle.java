package dev.vai.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.vai.api.web.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Failed-authentication throttling, in memory, per instance, per client: once a client has failed {@code limit}
 * times within a window of {@link #WINDOW}, its further failures are answered 429 until the window has passed.
 * Successes are never refused. With {@code limit} 0 it is off. Across N instances a client gets at most N x limit
 * failures a minute.
 *
 * <p>A client is its address, an IPv6 one by its /64 (one host can hold a whole /64). The table holds at most
 * {@link #MAX_CLIENTS} clients: a Caffeine cache whose entries expire when their window ends and which drops the
 * least useful entries beyond that bound, its upkeep amortised over calls (no scan on the request path, no I/O, so
 * a malformed token still costs no database query). An attacker rotating addresses faster than that can push other
 * clients' counts out, and is then throttled only by the reverse proxy in front, which is where such floods belong.
 */
public final class FailureThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** The most clients counted at once: about 100 bytes each, some 10 MiB in all. */
    public static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private final Clock clock;
    private final Cache<String, Window> windows;

    /** A client's window: when its first counted failure happened, and how many followed. */
    private record Window(long startMillis, int failures) {

        long endMillis() {
            return startMillis + WINDOW.toMillis();
        }
    }

    public FailureThrottle(int limit, Clock clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("VAI_AUTH_FAILURE_LIMIT must be 0 (off) or positive");
        }
        this.limit = limit;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfter(new Expiry<String, Window>() {
                    @Override
                    public long expireAfterCreate(String key, Window window, long currentTime) {
                        return remainingNanos(window);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
                        return remainingNanos(window);
                    }

                    @Override
                    public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    private long remainingNanos(Window window) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, window.endMillis() - clock.millis()));
    }

    /** Whole seconds until {@code client} may fail again without a 429; 0 if it is not throttled. */
    public long throttledFor(String client) {
        if (limit == 0 || client == null) {
            return 0;
        }
        Window window = windows.getIfPresent(ClientAddress.throttleKey(client));
        long now = clock.millis();
        if (window == null || window.failures() < limit || now >= window.endMillis()) {
            return 0;
        }
        return Math.max(1, (window.endMillis() - now + 999) / 1000);
    }

    public void recordFailure(String client) {
        if (limit == 0 || client == null) {
            return;
        }
        long now = clock.millis();
        windows.asMap().compute(ClientAddress.throttleKey(client), (key, window) -> window == null
                || now >= window.endMillis() ? new Window(now, 1) : new Window(window.startMillis(), window.failures() + 1));
    }

    /** How many clients the table holds now, once its upkeep has run. */
    long clients() {
        windows.cleanUp();
        return windows.estimatedSize();
    }
}
