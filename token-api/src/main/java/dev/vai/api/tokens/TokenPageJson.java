package dev.vai.api.tokens;

import java.util.List;

/** One page of the listing; {@code nextCursor} is null exactly when nothing further matches. */
public record TokenPageJson(List<TokenJson> items, String nextCursor) {
}
