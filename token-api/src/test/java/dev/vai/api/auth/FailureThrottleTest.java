package dev.vai.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void aClientIsThrottledAfterTheLimitUntilItsWindowHasPassed() {
        FailureThrottle throttle = new FailureThrottle(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.throttledFor("198.51.100.7")).isZero();
            throttle.recordFailure("198.51.100.7");
        }
        assertThat(throttle.throttledFor("198.51.100.7")).isEqualTo(60);
        assertThat(throttle.throttledFor("198.51.100.8")).as("another client").isZero();
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttle.throttledFor("198.51.100.7")).isEqualTo(15);
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.throttledFor("198.51.100.7")).isZero();
        assertThat(throttle.clients()).as("an ended window leaves the table").isZero();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        FailureThrottle throttle = new FailureThrottle(2, clock);
        throttle.recordFailure("2001:db8::1");
        throttle.recordFailure("2001:db8:0:0:ffff::2");
        assertThat(throttle.throttledFor("2001:db8::77")).as("the same /64").isPositive();
        assertThat(throttle.throttledFor("2001:db8:0:1::1")).as("the next /64").isZero();
        throttle.recordFailure("::ffff:192.0.2.1");
        throttle.recordFailure("192.0.2.1");
        assertThat(throttle.throttledFor("192.0.2.1")).as("an IPv4-mapped address is its IPv4 address").isPositive();
    }

    @Test
    void twoHundredThousandDistinctClientsNeverHoldMoreThanTheBound() {
        FailureThrottle throttle = new FailureThrottle(5, clock);
        for (int i = 0; i < 200_000; i++) {
            throttle.recordFailure("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
        }
        assertThat(throttle.clients()).isLessThanOrEqualTo(FailureThrottle.MAX_CLIENTS).isPositive();
        for (int i = 0; i < 100_000; i++) {
            throttle.recordFailure("2001:db8:" + Integer.toHexString(i) + "::1");
        }
        assertThat(throttle.clients()).isLessThanOrEqualTo(FailureThrottle.MAX_CLIENTS);
        clock.advance(FailureThrottle.WINDOW);
        assertThat(throttle.clients()).as("all windows ended").isZero();
    }

    @Test
    void offMeansNothingIsCounted() {
        FailureThrottle off = new FailureThrottle(0, clock);
        for (int i = 0; i < 100; i++) {
            off.recordFailure("198.51.100.7");
        }
        assertThat(off.throttledFor("198.51.100.7")).isZero();
        assertThat(off.clients()).isZero();
    }
}
