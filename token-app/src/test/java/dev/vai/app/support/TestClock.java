package dev.vai.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, or a fixed instant a test sets, so that expiry and usage times can be tested exactly. */
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now();
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(now -> (now != null ? now : Instant.now()).plus(duration));
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
