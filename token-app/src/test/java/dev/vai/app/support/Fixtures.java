package dev.vai.app.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The tokens a test needs, said the way the test means them, and issued over HTTP as a client would:
 * {@code api.issue(aSession().forUser("alice"))}, {@code api.issue(anApiKey().by(alice).expiringIn(days(30)))}.
 * What a builder is not told it leaves to the service's defaults (a session's scopes and lifetime, a key's scopes and
 * lifetime); a session without {@link SessionSpec#forUser} belongs to a user of its own, so tests that share the
 * application never see each other's tokens.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A session, minted through the internal API as the login service mints one. */
    public static SessionSpec aSession() {
        return new SessionSpec("user-" + UUID.randomUUID(), null, null);
    }

    /** An API key, created through the public API by a token given with {@link ApiKeySpec#by}. */
    public static ApiKeySpec anApiKey() {
        return new ApiKeySpec("test key", null, null, null);
    }

    public static Duration days(long days) {
        return Duration.ofDays(days);
    }

    public static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** A session to mint: for {@code userId}, with {@code scopes} (null: every scope), {@code lifetime} (null: default). */
    public record SessionSpec(String userId, List<String> scopes, Duration lifetime) {

        public SessionSpec forUser(String user) {
            return new SessionSpec(user, scopes, lifetime);
        }

        public SessionSpec withScopes(String... only) {
            return new SessionSpec(userId, List.of(only), lifetime);
        }

        /** In whole minutes, as the internal API takes it. */
        public SessionSpec expiringIn(Duration after) {
            return new SessionSpec(userId, scopes, after);
        }

        String json() {
            ObjectNode body = Api.JSON.createObjectNode().put("userId", userId);
            if (scopes != null) {
                scopes.forEach(body.putArray("scopes")::add);
            }
            if (lifetime != null) {
                body.put("expiresInMinutes", lifetime.toMinutes());
            }
            return body.toString();
        }
    }

    /**
     * An API key to create: its name, {@code scopes} (null: the creator's without {@code tokens:write}),
     * {@code lifetime} (null: the default), and the plaintext of the token that creates it.
     */
    public record ApiKeySpec(String name, List<String> scopes, Duration lifetime, String creator) {

        public ApiKeySpec named(String label) {
            return new ApiKeySpec(label, scopes, lifetime, creator);
        }

        public ApiKeySpec withScopes(String... only) {
            return new ApiKeySpec(name, Arrays.asList(only), lifetime, creator);
        }

        /** In whole days, as the public API takes it. */
        public ApiKeySpec expiringIn(Duration after) {
            return new ApiKeySpec(name, scopes, after, creator);
        }

        public ApiKeySpec by(Api.Issued token) {
            return by(token.plaintext());
        }

        /** Created with the token whose plaintext is {@code token}. */
        public ApiKeySpec by(String token) {
            return new ApiKeySpec(name, scopes, lifetime, token);
        }

        String json() {
            ObjectNode body = Api.JSON.createObjectNode().put("name", name);
            if (scopes != null) {
                scopes.forEach(body.putArray("scopes")::add);
            }
            if (lifetime != null) {
                body.put("expiresInDays", lifetime.toDays());
            }
            return body.toString();
        }

        String creatorToken() {
            if (creator == null) {
                throw new IllegalStateException("An API key is created by a token: say which with by(...)");
            }
            return creator;
        }
    }
}
