package dev.vai.api.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives independent keys from the one server secret (HMAC-SHA-256 of a purpose label), so that the hash pepper
 * and the cursor signing key never coincide; and compares secrets in constant time.
 */
public final class Keys {

    private Keys() {
    }

    public static byte[] derive(String secret, String purpose) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), ("vai/" + purpose + "/v1").getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Equal in constant time, whatever the lengths: both sides are hashed first. */
    public static boolean secretsEqual(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
