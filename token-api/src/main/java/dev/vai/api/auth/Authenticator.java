package dev.vai.api.auth;

import dev.vai.api.web.ApiSettings;
import dev.vai.projection.token.Credential;
import dev.vai.projection.token.CredentialLookup;
import dev.vai.projection.token.UsageRecorder;
import dev.vai.token.AccessTokenId;
import dev.vai.token.TokenHash;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Authenticates a token: format and checksum first (no I/O for a malformed token), then one hash, one indexed
 * lookup (which also reads the token the request will read, if its owner asks for it: see {@link ReadAlong}) and one
 * constant-time comparison. Unknown, revoked and expired tokens take the same path. No cache: the
 * read model is updated in the revocation's own transaction, so a revoked token fails on its very next use. The
 * caller's scopes come with the credential's row.
 */
@Component
public class Authenticator {

    private final TokenHasher hasher;
    private final CredentialLookup credentials;
    private final UsageRecorder usage;
    private final Clock clock;
    private final List<ReadAlong.Request> readAlong;
    private final boolean acceptUnprefixedCookie;

    public Authenticator(TokenHasher hasher, CredentialLookup credentials, UsageRecorder usage, Clock clock,
            List<ReadAlong.Request> readAlong, ApiSettings settings) {
        this.hasher = hasher;
        this.credentials = credentials;
        this.usage = usage;
        this.clock = clock;
        this.readAlong = List.copyOf(readAlong);
        this.acceptUnprefixedCookie = settings.acceptUnprefixedCookie();
    }

    public Authentication authenticate(HttpServletRequest request) {
        PresentedCredential presented = PresentedCredential.of(request, acceptUnprefixedCookie);
        if (presented.problem() != null) {
            return new Authentication(presented.problem(), presented.kind(), null);
        }
        Authentication result = authenticate(presented.token(), presented.kind(), tokenToRead(request));
        return new Authentication(result.outcome(), result.kind(), result.caller(), presented.cookieOnly(),
                result.readAlong());
    }

    private AccessTokenId tokenToRead(HttpServletRequest request) {
        for (ReadAlong.Request owner : readAlong) {
            AccessTokenId id = owner.tokenToRead(request);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** Also used by introspection, where the token arrives in a body. */
    public Authentication authenticate(String token, CredentialKind kind) {
        return authenticate(token, kind, null);
    }

    /**
     * {@code readAlong}: the id of a token the request reads, looked up in the same statement as the credential (the
     * result carries it on success), or null.
     */
    private Authentication authenticate(String token, CredentialKind kind, AccessTokenId readAlong) {
        Optional<PlaintextToken> parsed = PlaintextToken.parse(token);
        if (parsed.isEmpty()) {
            return new Authentication(AuthOutcome.MALFORMED, kind, null);
        }
        TokenHash hash = hasher.hash(parsed.get());
        Optional<CredentialLookup.WithToken> found = readAlong == null
                ? credentials.findByHash(hash).map(credential -> new CredentialLookup.WithToken(credential, null))
                : credentials.findByHash(hash, readAlong);
        if (found.isEmpty() || !found.get().credential().hash().equals(hash)) {
            return new Authentication(AuthOutcome.UNKNOWN, kind, null);
        }
        Credential credential = found.get().credential();
        Instant now = clock.instant();
        if (credential.isRevoked()) {
            return new Authentication(AuthOutcome.REVOKED, kind, null);
        }
        if (credential.isExpiredAt(now)) {
            return new Authentication(AuthOutcome.EXPIRED, kind, null);
        }
        usage.recordUse(credential.tokenId(), credential.lastUsedAt(), now);
        return new Authentication(AuthOutcome.SUCCESS, kind,
                new Caller(credential.tokenId(), credential.owner(), credential.type(), credential.expiresAt(),
                        credential.scopes()), false,
                readAlong == null ? null : new ReadAlong(readAlong, found.get().token()));
    }
}
