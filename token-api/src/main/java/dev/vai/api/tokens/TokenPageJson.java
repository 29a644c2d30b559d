package dev.vai.api.tokens;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of the listing; {@code nextCursor} is null exactly when nothing further matches. */
@Schema(name = "AccessTokenPage")
public record TokenPageJson(List<TokenJson> items, @Schema(nullable = true) String nextCursor) {
}
