package dev.vai.token.secret;

import dev.vai.token.TokenHash;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a token's plaintext under a server-side pepper. A leaked database alone does not let anyone test
 * guesses; the pepper must be the same on every instance and stay the same for as long as the tokens live.
 */
public final class TokenHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public TokenHasher(byte[] pepper) {
        if (pepper == null || pepper.length < 32) {
            throw new IllegalArgumentException("The pepper needs at least 32 bytes");
        }
        SecretKeySpec key = new SecretKeySpec(pepper.clone(), ALGORITHM);
        Mac prototype = newMac(key);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return newMac(key);
            }
        });
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    public TokenHash hash(PlaintextToken token) {
        Mac mac = macs.get();
        return TokenHash.of(mac.doFinal(token.ascii()));
    }
}
