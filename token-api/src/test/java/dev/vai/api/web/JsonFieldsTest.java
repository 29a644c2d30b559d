package dev.vai.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScopeCatalog CATALOG = ScopeCatalog.of(List.of("api", "billing"));

    private static JsonFields fields(String json) throws Exception {
        return new JsonFields((ObjectNode) JSON.readTree(json));
    }

    private static List<ValidationError> errors(JsonFields fields) {
        try {
            fields.validate();
            return List.of();
        } catch (RequestValidationException e) {
            return e.errors();
        }
    }

    @Test
    void scopesAreASetOfTheCatalogsNamesGivenTwiceOrNot() throws Exception {
        JsonFields fields = fields("{\"scopes\": [\"billing\", \"api\", \"billing\"]}");
        assertThat(fields.optionalScopes("scopes", CATALOG)).isEqualTo(Scopes.ofNames(List.of("api", "billing")));
        assertThat(errors(fields)).isEmpty();
    }

    @Test
    void absentOrNullScopesAreNoneGivenAndAnEmptyArrayIsNoScope() throws Exception {
        assertThat(fields("{}").optionalScopes("scopes", CATALOG)).isNull();
        assertThat(fields("{\"scopes\": null}").optionalScopes("scopes", CATALOG)).isNull();
        assertThat(fields("{\"scopes\": []}").optionalScopes("scopes", CATALOG)).isEqualTo(Scopes.NONE);
    }

    @Test
    void scopesThatAreNotAnArrayAreAListTypeError() throws Exception {
        for (String value : new String[] {"\"api\"", "{}", "1", "true"}) {
            JsonFields fields = fields("{\"scopes\": " + value + "}");
            fields.optionalScopes("scopes", CATALOG);
            assertThat(errors(fields)).as(value).singleElement()
                    .satisfies(error -> assertThat(error.loc()).containsExactly("body", "scopes"))
                    .satisfies(error -> assertThat(error.type()).isEqualTo("list_type"));
        }
    }

    @Test
    void everyBadElementIsReportedAtItsIndexAllAtOnce() throws Exception {
        JsonFields fields = fields("{\"scopes\": [\"api\", 7, \"tokens:admin\", null, \"Billing\"]}");
        fields.optionalScopes("scopes", CATALOG);
        assertThat(errors(fields)).extracting(ValidationError::loc, ValidationError::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("body", "scopes", 1), "string_type"),
                org.assertj.core.groups.Tuple.tuple(List.of("body", "scopes", 2), "enum"),
                org.assertj.core.groups.Tuple.tuple(List.of("body", "scopes", 3), "string_type"),
                org.assertj.core.groups.Tuple.tuple(List.of("body", "scopes", 4), "enum"));
        assertThat(errors(fields).get(1).msg()).isEqualTo(
                "Input should be one of the scopes this service knows: api, billing, tokens:read, tokens:write");
    }

    @Test
    void anUnknownNameIsNotEchoedBack() throws Exception {
        JsonFields fields = fields("{\"scopes\": [\"<script>\"]}");
        fields.optionalScopes("scopes", CATALOG);
        assertThat(errors(fields).get(0).msg()).doesNotContain("<script>");
        assertThatThrownBy(fields::validate).isInstanceOf(RequestValidationException.class);
    }

    @Test
    void aListLongerThanTheCatalogCouldNeedIsRefusedWithOneErrorNotOnePerElement() throws Exception {
        String hundredAndOne = "[" + String.join(",", java.util.Collections.nCopies(101, "\"x\"")) + "]";
        JsonFields fields = fields("{\"scopes\": " + hundredAndOne + "}");
        assertThat(fields.optionalScopes("scopes", CATALOG)).isNull();
        assertThat(errors(fields)).singleElement()
                .satisfies(error -> assertThat(error.loc()).containsExactly("body", "scopes"))
                .satisfies(error -> assertThat(error.type()).isEqualTo("too_long"));
        String hundred = "[" + String.join(",", java.util.Collections.nCopies(100, "\"api\"")) + "]";
        assertThat(fields("{\"scopes\": " + hundred + "}").optionalScopes("scopes", CATALOG))
                .as("duplicates up to the bound are fine").isEqualTo(Scopes.ofNames(List.of("api")));
    }

    @Test
    void aLargeCatalogRaisesTheBoundAndIsNotListedInEveryError() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            names.add("scope" + i);
        }
        ScopeCatalog large = ScopeCatalog.of(names);
        assertThat(JsonFields.maxScopes(large)).isEqualTo(152);
        JsonFields fields = fields("{\"scopes\": [\"nope\"]}");
        fields.optionalScopes("scopes", large);
        assertThat(errors(fields).get(0).msg()).doesNotContain("scope1,").contains("VAI_SCOPES");
    }
}
