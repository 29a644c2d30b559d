package dev.vai.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void aScopeNameIsALowerCaseLetterThenUpTo63OfTheAllowedCharacters() {
        for (String good : new String[] {"a", "api", "billing.read", "repo:status", "a_b-c.d:e", "a" + "9".repeat(63)}) {
            assertThat(new Scope(good).name()).isEqualTo(good);
        }
        for (String bad : new String[] {"", "A", "9lives", "_x", "api read", "api,read", "Api", "a" + "b".repeat(64),
                "caf\u00e9", "x\u0000"}) {
            assertThatThrownBy(() -> new Scope(bad)).as(bad).isInstanceOf(InvalidScope.class);
        }
    }

    @Test
    void scopesAreASetInNameOrderWrittenWithSingleSpaces() {
        Scopes scopes = Scopes.ofNames(List.of("tokens:read", "api", "billing", "api"));
        assertThat(scopes.names()).containsExactly("api", "billing", "tokens:read");
        assertThat(scopes).hasToString("api billing tokens:read");
        assertThat(Scopes.parse(scopes.toString())).isEqualTo(scopes);
        assertThat(Scopes.parse("")).isEqualTo(Scopes.NONE);
        assertThat(Scopes.NONE).hasToString("");
    }

    @Test
    void notInNamesWhatGrantingWouldAdd() {
        Scopes held = Scopes.ofNames(List.of("api", "tokens:write"));
        assertThat(Scopes.ofNames(List.of("api", "billing", "reports")).notIn(held).names())
                .containsExactly("billing", "reports");
        assertThat(Scopes.ofNames(List.of("api")).notIn(held)).isEqualTo(Scopes.NONE);
    }

    @Test
    void theCatalogHasTheServicesOwnScopesAndTheOperators() {
        ScopeCatalog catalog = ScopeCatalog.of(List.of("api", " billing ", ""));
        assertThat(catalog.all().names()).containsExactly("api", "billing", "tokens:read", "tokens:write");
        assertThat(catalog.find("billing")).isEqualTo(new Scope("billing"));
        assertThat(catalog.find("reports")).isNull();
        assertThat(catalog.find("Not a scope")).isNull();
    }

    @Test
    void theCatalogRefusesReservedAndInvalidNamesNamingEachOne() {
        assertThatThrownBy(() -> ScopeCatalog.of(List.of("api", "tokens:admin", "Bad Name")))
                .isInstanceOf(InvalidScope.class)
                .hasMessageContaining("'tokens:admin' is reserved")
                .hasMessageContaining("'Bad Name' is not a valid scope name");
    }

    @Test
    void aStoredScopeTheCatalogNoLongerHasCountsForNothing() {
        ScopeCatalog catalog = ScopeCatalog.of(List.of("api"));
        Scopes stored = Scopes.ofNames(List.of("api", "billing", "tokens:read"));
        assertThat(catalog.effective(stored).names()).containsExactly("api", "tokens:read");
    }

    @Test
    void anApiKeyBoundsWhatItCreatesAndASessionDoesNot() {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T00:00:00Z");
        Issuer key = Issuer.token(AccessTokenId.random(), TokenType.API_KEY, Scopes.NONE, at);
        assertThat(key.notAfter()).isEqualTo(at);
        assertThat(key.wouldBeOutlivedBy(at)).isFalse();
        assertThat(key.wouldBeOutlivedBy(at.plusMillis(1))).isTrue();
        assertThat(key.wouldBeOutlivedBy(null)).isTrue();
        Issuer session = Issuer.token(AccessTokenId.random(), TokenType.SESSION, Scopes.NONE, at);
        assertThat(session.notAfter()).isNull();
        assertThat(session.wouldBeOutlivedBy(null)).isFalse();
        assertThat(Issuer.admin().wouldBeOutlivedBy(null)).isFalse();
    }
}
