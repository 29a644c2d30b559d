package dev.vai.api.web;

import dev.vai.token.ScopeCatalog;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's settings, bound from {@code vai.*} (environment variables {@code VAI_*}); documented in the README's
 * configuration table. The mode (dev or production) has already supplied or demanded the two secrets. Every
 * setting is checked here, so that a wrong one stops the start with its name. The issuing policy's settings are the
 * lifecycle's ({@link dev.vai.lifecycle.LifecycleSettings}).
 *
 * @param secretKey server secret: the pepper of the token hash and the cursor signing key are derived from it
 * @param adminKey the key the internal API demands in {@code X-Admin-Key}
 * @param adminKeyPrevious the key being rotated out, accepted as well until it is unset; null or empty: none
 * @param scopes the platform's scopes (beside this service's own {@code tokens:read} and {@code tokens:write})
 * @param sessionTtlMinutes lifetime of a session minted without {@code expiresInMinutes}
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed
 * @param authFailureLimit failed authentications a client may make in a minute before it gets 429 (0: no limit)
 * @param trustedOrigins origins (scheme://host[:port]) besides the service's own from which a cookie-authenticated
 *     change is accepted
 * @param acceptUnprefixedCookie whether the {@code vai_token} cookie is read, beside {@code __Host-vai_token}: a
 *     sibling subdomain can set the unprefixed one (cookie tossing), never the prefixed one
 */
@ConfigurationProperties(prefix = "vai")
public record ApiSettings(
        String secretKey,
        String adminKey,
        String adminKeyPrevious,
        @DefaultValue("api") List<String> scopes,
        @DefaultValue("720") int sessionTtlMinutes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("60") int authFailureLimit,
        @DefaultValue List<String> trustedOrigins,
        @DefaultValue("true") boolean acceptUnprefixedCookie) {

    public static final int MAX_SESSION_MINUTES = 43_200;
    public static final int MIN_SECRET_LENGTH = 32;
    public static final int MIN_ADMIN_KEY_LENGTH = 24;

    public ApiSettings {
        ScopeCatalog.of(scopes);
        if (authFailureLimit < 0) {
            throw new IllegalArgumentException("VAI_AUTH_FAILURE_LIMIT must be 0 (off) or positive");
        }
        if (sessionTtlMinutes < 1 || sessionTtlMinutes > MAX_SESSION_MINUTES) {
            throw new IllegalArgumentException("VAI_SESSION_TTL_MINUTES must be between 1 and " + MAX_SESSION_MINUTES);
        }
    }

    /** {@code VAI_SCOPES} with this service's own scopes: what tokens may carry. */
    public ScopeCatalog scopeCatalog() {
        return ScopeCatalog.of(scopes);
    }

    /**
     * The key for {@code purpose} derived from the server secret ({@link Keys#derive}); a missing or short secret
     * stops the start with the setting's name.
     */
    public byte[] derivedKey(String purpose) {
        if (secretKey == null || secretKey.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("VAI_SECRET_KEY (vai.secret-key) must be set, with at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        return Keys.derive(secretKey, purpose);
    }
}
