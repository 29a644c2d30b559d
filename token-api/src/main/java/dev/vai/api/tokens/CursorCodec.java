package dev.vai.api.tokens;

import dev.vai.api.web.Keys;
import dev.vai.projection.token.ListFilter;
import dev.vai.projection.token.PagePosition;
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The listing's opaque cursor: the last position of a page (creation time and id) and an HMAC tag that binds it to
 * the caller and to the filter ({@code tokenType}, {@code includeRevoked}; not {@code limit}, which may change
 * between pages). A forged, foreign or mismatched cursor fails the tag check; nothing in it is trusted before that.
 * Exactly one spelling of each cursor is accepted, the one {@link #encode} gives.
 */
public final class CursorCodec {

    static final int MAX_LENGTH = 128;
    private static final byte VERSION = 1;
    private static final int POSITION_BYTES = 1 + 8 + 16;
    private static final int TAG_BYTES = 16;

    private final byte[] key;

    public CursorCodec(byte[] key) {
        this.key = key.clone();
    }

    public String encode(OwnerId owner, ListFilter filter, PagePosition position) {
        ByteBuffer bytes = ByteBuffer.allocate(POSITION_BYTES + TAG_BYTES);
        bytes.put(VERSION)
                .putLong(position.createdAt().toEpochMilli())
                .putLong(position.id().value().getMostSignificantBits())
                .putLong(position.id().value().getLeastSignificantBits());
        bytes.put(tag(owner, filter, Arrays.copyOf(bytes.array(), POSITION_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The position, if the cursor is genuine and was issued to this caller for this filter. */
    public Optional<PagePosition> decode(OwnerId owner, ListFilter filter, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != POSITION_BYTES + TAG_BYTES || bytes[0] != VERSION) {
            return Optional.empty();
        }
        // the decoder ignores the unused low bits of the last character: only the spelling encode() gives is genuine
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(cursor)) {
            return Optional.empty();
        }
        byte[] position = Arrays.copyOf(bytes, POSITION_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, POSITION_BYTES, bytes.length);
        if (!MessageDigest.isEqual(tag, tag(owner, filter, position))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(position, 1, POSITION_BYTES - 1);
        Instant createdAt = Instant.ofEpochMilli(buffer.getLong());
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new PagePosition(createdAt, new AccessTokenId(id)));
    }

    private byte[] tag(OwnerId owner, ListFilter filter, byte[] position) {
        byte[] ownerBytes = owner.value().getBytes(StandardCharsets.UTF_8);
        String type = filter.type() == null ? "*" : filter.type().wireName();
        byte[] filterBytes = (type + "|" + filter.includeRevoked()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer message = ByteBuffer.allocate(4 + ownerBytes.length + 4 + filterBytes.length + position.length);
        message.putInt(ownerBytes.length).put(ownerBytes).putInt(filterBytes.length).put(filterBytes).put(position);
        return Arrays.copyOf(Keys.hmac(key, message.array()), TAG_BYTES);
    }
}
