package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import java.time.Instant;
import java.util.Objects;

/** Where a listing page ended, in its order ({@code createdAt} then {@code id}, descending). */
public record PagePosition(Instant createdAt, AccessTokenId id) {

    public PagePosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
