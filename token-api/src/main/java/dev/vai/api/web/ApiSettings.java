package dev.vai.api.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's settings, bound from {@code vai.*} (environment variables {@code VAI_*}); documented in the README's
 * configuration table. The mode (dev or production) has already supplied or demanded the two secrets.
 *
 * @param secretKey server secret: the pepper of the token hash and the cursor signing key are derived from it
 * @param adminKey the key the internal API demands in {@code X-Admin-Key}
 * @param maxTokenLifetimeDays largest {@code expiresInDays} a client may ask for
 * @param defaultTokenLifetimeDays lifetime of an API key created without {@code expiresInDays}; null: no expiry
 * @param sessionTtlMinutes lifetime of a session minted without {@code expiresInMinutes}
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed
 * @param authFailureLimit failed authentications a client may make in a minute before it gets 429 (0: no limit)
 * @param trustedOrigins origins (scheme://host[:port]) besides the service's own from which a cookie-authenticated
 *     change is accepted
 */
@ConfigurationProperties(prefix = "vai")
public record ApiSettings(
        String secretKey,
        String adminKey,
        @DefaultValue("3650") int maxTokenLifetimeDays,
        Integer defaultTokenLifetimeDays,
        @DefaultValue("720") int sessionTtlMinutes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("60") int authFailureLimit,
        @DefaultValue List<String> trustedOrigins) {

    public ApiSettings {
        if (maxTokenLifetimeDays < 1 || maxTokenLifetimeDays > 36_500) {
            throw new IllegalArgumentException("VAI_MAX_TOKEN_LIFETIME_DAYS must be between 1 and 36500");
        }
        if (defaultTokenLifetimeDays != null
                && (defaultTokenLifetimeDays < 1 || defaultTokenLifetimeDays > maxTokenLifetimeDays)) {
            throw new IllegalArgumentException(
                    "VAI_DEFAULT_TOKEN_LIFETIME_DAYS must be between 1 and VAI_MAX_TOKEN_LIFETIME_DAYS");
        }
        if (authFailureLimit < 0) {
            throw new IllegalArgumentException("VAI_AUTH_FAILURE_LIMIT must be 0 (off) or positive");
        }
        if (sessionTtlMinutes < 1 || sessionTtlMinutes > 43_200) {
            throw new IllegalArgumentException("VAI_SESSION_TTL_MINUTES must be between 1 and 43200");
        }
    }
}
