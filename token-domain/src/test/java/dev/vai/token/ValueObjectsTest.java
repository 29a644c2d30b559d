package dev.vai.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @Test
    void aTokenNameIsTrimmed() {
        assertThat(TokenName.of("  deploy key \n").value()).isEqualTo("deploy key");
    }

    @Test
    void aBlankNameIsTooShort() {
        assertThatThrownBy(() -> TokenName.of(" \t "))
                .isInstanceOfSatisfying(InvalidTokenName.class, e -> assertThat(e.rule()).isEqualTo(TextRule.TOO_SHORT));
    }

    @Test
    void aNameMayHave255CodePointsButNot256() {
        String astral = "\uD83D\uDD11"; // one code point, two chars
        assertThat(TokenName.of(astral.repeat(255)).value()).hasSize(510);
        assertThatThrownBy(() -> TokenName.of(astral.repeat(256)))
                .isInstanceOfSatisfying(InvalidTokenName.class, e -> assertThat(e.rule()).isEqualTo(TextRule.TOO_LONG));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        for (String bad : new String[] {"a\u0000b", "a\tb", "a\u007fb", "a\u009bb", "a\uD800b", "a\uDC00", "\uD83D"}) {
            assertThatThrownBy(() -> TokenName.of(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidTokenName.class,
                            e -> assertThat(e.rule()).isEqualTo(TextRule.FORBIDDEN_CHARACTER));
        }
    }

    @Test
    void onlyCanonicalUuidsAreTokenIds() {
        assertThat(AccessTokenId.parse("5F0C6C1E-8D36-4C52-9A43-0F3B1C2D4E5F").toString())
                .isEqualTo("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");
        for (String bad : new String[] {"abc", "1-1-1-1-1", "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5", "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5ff",
                "5f0c6c1e8d364c529a430f3b1c2d4e5f", "{5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f}", "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5g",
                "0005f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e", "\u0000", ""}) {
            assertThatThrownBy(() -> AccessTokenId.parse(bad)).as(bad).isInstanceOf(InvalidAccessTokenId.class);
        }
    }

    @Test
    void aLifetimeIsPositiveAndCannotOverflowTheClock() {
        assertThatThrownBy(() -> Lifetime.ofDays(0)).isInstanceOf(InvalidLifetime.class);
        assertThatThrownBy(() -> Lifetime.ofDays(Long.MAX_VALUE)).isInstanceOf(InvalidLifetime.class);
        assertThat(Lifetime.ofDays(3650).expiresAt(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2035-12-30T00:00:00Z"));
    }

    @Test
    void anOwnerIdIsNotBlankAndHasNoControlCharacters() {
        assertThat(new OwnerId("user-42").toString()).isEqualTo("user-42");
        assertThatThrownBy(() -> new OwnerId(" ")).isInstanceOf(InvalidOwnerId.class);
        assertThatThrownBy(() -> new OwnerId("a\nb")).isInstanceOf(InvalidOwnerId.class);
        assertThatThrownBy(() -> new OwnerId("x".repeat(256))).isInstanceOf(InvalidOwnerId.class);
    }

    @Test
    void theAdminReasonGoesWithTheAdminRevokerOnly() {
        AccessTokenId id = AccessTokenId.random();
        OwnerId owner = new OwnerId("alice");
        Instant now = Instant.now();
        assertThatThrownBy(() -> new RevokeAccessToken(id, owner, Revoker.admin(), RevocationReason.OWNER, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RevokeAccessToken(id, owner, Revoker.owner(id), RevocationReason.ADMIN, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheAdminRevokesWithoutActingForTheOwner() {
        AccessTokenId id = AccessTokenId.random();
        Instant now = Instant.now();
        assertThat(RevokeAccessToken.byAdmin(id, now).owner()).isNull();
        assertThatThrownBy(() -> new RevokeAccessToken(id, null, Revoker.owner(id), RevocationReason.OWNER, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only the admin");
        assertThatThrownBy(() -> new RevokeAccessToken(id, null, Revoker.parent(id), RevocationReason.PARENT_REVOKED,
                now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenHashNeverPrintsItself() {
        assertThat(TokenHash.of(new byte[32]).toString()).doesNotContain("0").contains("redacted");
    }
}
