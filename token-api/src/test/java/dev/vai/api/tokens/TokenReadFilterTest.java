package dev.vai.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.auth.Caller;
import dev.vai.api.auth.ReadAlong;
import dev.vai.api.auth.ScopeCheck;
import dev.vai.api.web.ErrorBodies;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.Scope;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The fast path answers a read of one token itself, by {@link TokenReads}' rule, from what authentication read; what
 * it does not recognise goes on to the controller. (The integration tests compare its answers with the
 * controller's.)
 */
class TokenReadFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OwnerId ALICE = new OwnerId("alice");
    private static final AccessTokenId CALLER = AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162");
    private static final AccessTokenId OTHER = AccessTokenId.parse("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");

    // no query reaches the database here: every case is answered from what authentication read
    private final TokenReadFilter filter = new TokenReadFilter(new TokenReads(null,
            new ScopeCheck(ScopeCatalog.of(List.of("api")), new SimpleMeterRegistry())), JSON, new ErrorBodies(JSON));

    private static TokenView token(AccessTokenId id) {
        return new TokenView(id, ALICE, TokenType.API_KEY, "ci", new TokenPrefix("vai_k_AbCdEf"),
                Instant.parse("2026-11-28T10:15:30.123Z"), null, null, null, Scopes.NONE);
    }

    private record Answer(MockHttpServletResponse response, boolean passedOn) {
    }

    private Answer get(Scopes callerScopes, AccessTokenId read, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/access-tokens/" + read);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(CALLER, ALICE, TokenType.API_KEY, null,
                callerScopes));
        request.setAttribute(ReadAlong.ATTRIBUTE, new ReadAlong(read, token(read)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Answer(response, chain.getRequest() != null);
    }

    @Test
    void aTokenReadsItselfWithoutAnyScopeAndTheControllerIsNotAsked() throws Exception {
        Answer answer = get(Scopes.NONE, CALLER, null);
        assertThat(answer.passedOn()).isFalse();
        assertThat(answer.response().getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(answer.response().getContentAsString()).get("id").asText()).isEqualTo(CALLER.toString());
    }

    @Test
    void anotherTokenNeedsTokensReadAndTheRefusalCarriesTheChallenge() throws Exception {
        Answer refused = get(Scopes.NONE, OTHER, "application/json");
        assertThat(refused.passedOn()).isFalse();
        assertThat(refused.response().getStatus()).isEqualTo(403);
        assertThat(refused.response().getHeader("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"tokens:read\"");
        Answer allowed = get(Scopes.of(Scope.TOKENS_READ), OTHER, "*/*");
        assertThat(allowed.passedOn()).isFalse();
        assertThat(allowed.response().getStatus()).isEqualTo(200);
    }

    @Test
    void anAcceptHeaderItDoesNotAnswerExactlyGoesToTheController() throws Exception {
        assertThat(get(Scopes.NONE, CALLER, "application/json, text/plain").passedOn()).isTrue();
        assertThat(get(Scopes.NONE, CALLER, "text/html").passedOn()).isTrue();
    }
}
