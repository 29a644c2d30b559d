package dev.vai.api.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code vai_authentications_total{outcome, credential}}: every authentication attempt of the public API, by how it
 * ended and where the token came from ({@code none} when there was no token). Every series exists from the start, so
 * rates and alerts work before the first failure.
 */
@Component
class AuthenticationMetrics {

    static final String NONE = "none";

    private final Map<AuthOutcome, Map<String, Counter>> counters = new EnumMap<>(AuthOutcome.class);

    AuthenticationMetrics(MeterRegistry registry) {
        for (AuthOutcome outcome : AuthOutcome.values()) {
            Map<String, Counter> byKind = new HashMap<>();
            for (CredentialKind kind : CredentialKind.values()) {
                byKind.put(kind.wireName(), counter(registry, outcome, kind.wireName()));
            }
            byKind.put(NONE, counter(registry, outcome, NONE));
            counters.put(outcome, byKind);
        }
    }

    private static Counter counter(MeterRegistry registry, AuthOutcome outcome, String credential) {
        return Counter.builder("vai.authentications")
                .description("Authentication attempts on the public API, by outcome and credential kind")
                .tag("outcome", outcome.wireName())
                .tag("credential", credential)
                .register(registry);
    }

    void record(Authentication authentication) {
        String kind = authentication.kind() == null ? NONE : authentication.kind().wireName();
        counters.get(authentication.outcome()).get(kind).increment();
    }
}
