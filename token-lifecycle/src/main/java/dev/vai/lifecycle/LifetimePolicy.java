package dev.vai.lifecycle;

import dev.vai.token.Lifetime;
import java.util.Locale;

/**
 * How long API keys live: the longest {@code expiresInDays} a client may ask for ({@code VAI_MAX_TOKEN_LIFETIME_DAYS},
 * default 366) and the lifetime of a key created without one ({@code VAI_DEFAULT_TOKEN_LIFETIME_DAYS}, default 90).
 * Either may be {@code none}; keys that never expire need both to be, so that forgetting one setting can never
 * make them. Null here means {@code none}.
 */
public record LifetimePolicy(Integer maxDays, Integer defaultDays) {

    /** The most days either setting may name, and what a client may ask for when the maximum is {@code none}. */
    public static final int LONGEST_DAYS = 36_500;
    static final String NONE = "none";

    public LifetimePolicy {
        check(maxDays, "VAI_MAX_TOKEN_LIFETIME_DAYS");
        check(defaultDays, "VAI_DEFAULT_TOKEN_LIFETIME_DAYS");
        if (defaultDays == null && maxDays != null) {
            throw new IllegalArgumentException("VAI_DEFAULT_TOKEN_LIFETIME_DAYS=none (keys that never expire) needs"
                    + " VAI_MAX_TOKEN_LIFETIME_DAYS=none too");
        }
        if (defaultDays != null && maxDays != null && defaultDays > maxDays) {
            throw new IllegalArgumentException("VAI_DEFAULT_TOKEN_LIFETIME_DAYS (" + defaultDays
                    + ") must not exceed VAI_MAX_TOKEN_LIFETIME_DAYS (" + maxDays + ")");
        }
    }

    /** The two settings as written: a number of days, or {@code none}. */
    public static LifetimePolicy parse(String maxDays, String defaultDays) {
        return new LifetimePolicy(days(maxDays, "VAI_MAX_TOKEN_LIFETIME_DAYS"),
                days(defaultDays, "VAI_DEFAULT_TOKEN_LIFETIME_DAYS"));
    }

    /** The largest {@code expiresInDays} a request may carry. */
    public int largestRequest() {
        return maxDays == null ? LONGEST_DAYS : maxDays;
    }

    /** The lifetime of a key created without {@code expiresInDays}; null: it never expires. */
    public Lifetime defaultLifetime() {
        return defaultDays == null ? null : Lifetime.ofDays(defaultDays);
    }

    private static Integer days(String text, String variable) {
        String value = text == null ? "" : text.strip();
        if (value.toLowerCase(Locale.ROOT).equals(NONE)) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number of days (1 to " + LONGEST_DAYS
                    + ") or 'none'");
        }
    }

    private static void check(Integer days, String variable) {
        if (days != null && (days < 1 || days > LONGEST_DAYS)) {
            throw new IllegalArgumentException(variable + " must be a number of days (1 to " + LONGEST_DAYS
                    + ") or 'none'");
        }
    }
}
