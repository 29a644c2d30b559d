package dev.vai.lifecycle;

/** The owner already has as many active API keys as one owner may ({@code VAI_MAX_ACTIVE_KEYS_PER_OWNER}). */
public class TooManyActiveKeys extends RuntimeException {

    public TooManyActiveKeys(int limit) {
        super("This owner already has " + limit + " active API keys, the most one owner may have"
                + " (VAI_MAX_ACTIVE_KEYS_PER_OWNER). Revoke keys that are no longer used"
                + " (DELETE /api/v1/access-tokens/{token_id}) or wait until some expire, then create the key again.");
    }
}
