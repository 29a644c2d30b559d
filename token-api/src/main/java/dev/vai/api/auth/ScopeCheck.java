package dev.vai.api.auth;

import dev.vai.api.web.ApiProblem;
import dev.vai.token.Scope;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Authorization by scope: refuses with 403, {@code {"detail": ...}} naming the missing scopes and the RFC 6750
 * challenge {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."}, and counts each refusal in
 * {@code vai_authorizations_denied_total{scope}} (once per missing scope; every scope of the catalog has its series
 * from the start).
 */
@Component
public class ScopeCheck {

    private final Map<Scope, Counter> denied = new HashMap<>();

    public ScopeCheck(ScopeCatalog catalog, MeterRegistry registry) {
        for (Scope scope : catalog.all().asSet()) {
            denied.put(scope, Counter.builder("vai.authorizations.denied")
                    .description("Requests refused because the token lacks a scope, by scope")
                    .tag("scope", scope.name())
                    .register(registry));
        }
    }

    /** Refuses unless the caller holds {@code scope}. */
    public void require(Caller caller, Scope scope) {
        if (!caller.holds(scope)) {
            throw refused(Scopes.of(scope), "This token lacks the scope " + scope + ", which this request needs");
        }
    }

    /** Refuses a request to grant the {@code missing} scopes, which the caller does not hold. */
    public ApiProblem escalation(Scopes missing) {
        return refused(missing, "A token cannot grant scopes it does not hold; this one lacks: " + missing);
    }

    private ApiProblem refused(Scopes missing, String detail) {
        for (Scope scope : missing.asSet()) {
            Counter counter = denied.get(scope);
            if (counter != null) {
                counter.increment();
            }
        }
        return ApiProblem.insufficientScope(missing, detail);
    }
}
