package dev.vai.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How long a token stays valid after it is issued: positive, and short enough that no date arithmetic overflows. */
public record Lifetime(Duration duration) {

    /** A sanity bound far above any configured maximum; the API enforces the configured one. */
    public static final Duration LONGEST = Duration.ofDays(100 * 366);

    public Lifetime {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidLifetime("A token's lifetime must be positive");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new InvalidLifetime("A token's lifetime must be at most " + LONGEST.toDays() + " days");
        }
    }

    public static Lifetime ofDays(long days) {
        if (days <= 0 || days > LONGEST.toDays()) {
            throw new InvalidLifetime("A token's lifetime must be between 1 and " + LONGEST.toDays() + " days");
        }
        return new Lifetime(Duration.ofDays(days));
    }

    public static Lifetime ofMinutes(long minutes) {
        if (minutes <= 0 || minutes > LONGEST.toMinutes()) {
            throw new InvalidLifetime("A token's lifetime must be between 1 and " + LONGEST.toMinutes() + " minutes");
        }
        return new Lifetime(Duration.ofMinutes(minutes));
    }

    public Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(duration);
    }
}
