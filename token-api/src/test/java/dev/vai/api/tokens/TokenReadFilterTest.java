package dev.vai.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenReadFilterTest {

    @Test
    void theFastPathTakesOnlyTheAcceptHeadersItAnswersExactly() {
        assertThat(TokenReadFilter.acceptsJson(null)).isTrue();
        assertThat(TokenReadFilter.acceptsJson("*/*")).isTrue();
        assertThat(TokenReadFilter.acceptsJson("application/json")).isTrue();
        // everything else goes to the controller: the integration tests compare both paths with this header
        assertThat(TokenReadFilter.acceptsJson("application/json, text/plain")).isFalse();
        assertThat(TokenReadFilter.acceptsJson("text/html")).isFalse();
    }
}
