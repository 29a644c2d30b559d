package dev.vai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void theDocumentedPatternMatchesEveryAcceptedSpellingInAnyCaseAndNothingElse() {
        Pattern documented = Pattern.compile(QueryParameters.BOOLEAN_PATTERN);
        for (String spelling : QueryParameters.BOOLEANS.keySet()) {
            assertThat(documented.matcher(spelling).matches()).as(spelling).isTrue();
            assertThat(documented.matcher(spelling.toUpperCase(Locale.ROOT)).matches()).as(spelling).isTrue();
        }
        for (String other : new String[] {"", "t", "y", "2", "truee", "of", "yes please"}) {
            assertThat(documented.matcher(other).matches()).as(other).isFalse();
        }
    }
}
