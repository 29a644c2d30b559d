package dev.vai.lifecycle;

import dev.vai.token.RevocationReason;
import dev.vai.token.TokenType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code vai_tokens_issued_total{type}} and {@code vai_tokens_revoked_total{reason}}: what this instance issued and
 * revoked (a revocation that found the token already revoked is not counted).
 */
@Component
class TokenMetrics {

    private final Map<TokenType, Counter> issued = new EnumMap<>(TokenType.class);
    private final Map<RevocationReason, Counter> revoked = new EnumMap<>(RevocationReason.class);

    TokenMetrics(MeterRegistry registry) {
        for (TokenType type : TokenType.values()) {
            issued.put(type, Counter.builder("vai.tokens.issued").description("Tokens issued, by type")
                    .tag("type", type.wireName()).register(registry));
        }
        for (RevocationReason reason : RevocationReason.values()) {
            revoked.put(reason, Counter.builder("vai.tokens.revoked").description("Tokens revoked, by reason")
                    .tag("reason", reason.wireName()).register(registry));
        }
    }

    void issued(TokenType type) {
        issued.get(type).increment();
    }

    void revoked(RevocationReason reason, int count) {
        revoked.get(reason).increment(count);
    }
}
