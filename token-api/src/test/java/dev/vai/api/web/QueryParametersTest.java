package dev.vai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class QueryParametersTest {

    private static List<ValidationError> limitOf(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/access-tokens");
        request.setQueryString("limit=" + value);
        QueryParameters query = QueryParameters.of(request);
        query.integer("limit", 1, 200, 50);
        try {
            query.validate();
            return List.of();
        } catch (RequestValidationException e) {
            return e.errors();
        }
    }

    @Test
    void aHugeNumberGetsTheRangeErrorItWouldHaveGot() {
        assertThat(limitOf("9".repeat(5000))).singleElement()
                .satisfies(error -> assertThat(error.type()).isEqualTo("less_than_equal"));
        assertThat(limitOf("-" + "9".repeat(5000))).singleElement()
                .satisfies(error -> assertThat(error.type()).isEqualTo("greater_than_equal"));
        assertThat(limitOf("%2B" + "1".repeat(13))).singleElement()
                .satisfies(error -> assertThat(error.type()).isEqualTo("less_than_equal"));
    }

    @Test
    void leadingZerosDoNotMakeASmallNumberLarge() {
        assertThat(limitOf("0".repeat(40) + "20")).isEmpty();
        assertThat(limitOf("-" + "0".repeat(40))).singleElement()
                .satisfies(error -> assertThat(error.type()).isEqualTo("greater_than_equal"));
        assertThat(limitOf("0".repeat(40) + "201")).singleElement()
                .satisfies(error -> assertThat(error.type()).isEqualTo("less_than_equal"));
    }

    @Test
    void theUsualSpellingsOfABooleanAreAccepted() {
        for (String yes : new String[] {"true", "TRUE", "1", "yes", "On"}) {
            assertThat(QueryParameters.booleanOf(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "0", "NO", "off"}) {
            assertThat(QueryParameters.booleanOf(no)).as(no).isFalse();
        }
        assertThat(QueryParameters.booleanOf("maybe")).isNull();
    }
}
