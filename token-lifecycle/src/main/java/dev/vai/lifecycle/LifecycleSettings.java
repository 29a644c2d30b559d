package dev.vai.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuing policy's settings, bound from {@code vai.*} (environment variables {@code VAI_*}); documented in the
 * README's configuration table. Checked here, so that a wrong one stops the start with its name.
 *
 * @param maxTokenLifetimeDays largest {@code expiresInDays} a client may ask for, or {@code none}
 * @param defaultTokenLifetimeDays lifetime of an API key created without {@code expiresInDays}, or {@code none}
 * @param maxActiveKeysPerOwner active API keys one owner may have; one more create is refused
 */
@ConfigurationProperties(prefix = "vai")
public record LifecycleSettings(
        @DefaultValue("366") String maxTokenLifetimeDays,
        @DefaultValue("90") String defaultTokenLifetimeDays,
        @DefaultValue("1000") int maxActiveKeysPerOwner) {

    public static final int MOST_ACTIVE_KEYS = 1_000_000;

    public LifecycleSettings {
        LifetimePolicy.parse(maxTokenLifetimeDays, defaultTokenLifetimeDays);
        if (maxActiveKeysPerOwner < 1 || maxActiveKeysPerOwner > MOST_ACTIVE_KEYS) {
            throw new IllegalArgumentException("VAI_MAX_ACTIVE_KEYS_PER_OWNER must be between 1 and " + MOST_ACTIVE_KEYS);
        }
    }

    public LifetimePolicy lifetimePolicy() {
        return LifetimePolicy.parse(maxTokenLifetimeDays, defaultTokenLifetimeDays);
    }
}
