package dev.vai.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vai.token.Lifetime;
import org.junit.jupiter.api.Test;

class LifetimePolicyTest {

    @Test
    void byDefaultKeysLive90DaysAndAtMost366() {
        LifetimePolicy policy = LifetimePolicy.parse("366", "90");
        assertThat(policy.largestRequest()).isEqualTo(366);
        assertThat(policy.defaultLifetime()).isEqualTo(Lifetime.ofDays(90));
    }

    @Test
    void keysThatNeverExpireNeedBothSettingsToSayNone() {
        LifetimePolicy policy = LifetimePolicy.parse("none", " NONE ");
        assertThat(policy.defaultLifetime()).isNull();
        assertThat(policy.largestRequest()).isEqualTo(LifetimePolicy.LONGEST_DAYS);
        assertThat(LifetimePolicy.parse("none", "30").defaultLifetime()).isEqualTo(Lifetime.ofDays(30));
    }

    @Test
    void noneAsTheDefaultWithANumericMaximumIsRefused() {
        assertThatThrownBy(() -> LifetimePolicy.parse("366", "none"))
                .hasMessageContaining("VAI_DEFAULT_TOKEN_LIFETIME_DAYS=none")
                .hasMessageContaining("VAI_MAX_TOKEN_LIFETIME_DAYS=none too");
    }

    @Test
    void aDefaultAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> LifetimePolicy.parse("30", "90"))
                .hasMessage("VAI_DEFAULT_TOKEN_LIFETIME_DAYS (90) must not exceed VAI_MAX_TOKEN_LIFETIME_DAYS (30)");
    }

    @Test
    void anythingButDaysOrNoneIsRefusedWithTheVariablesName() {
        for (String bad : new String[] {"", "0", "-1", "36501", "forever", "1.5"}) {
            assertThatThrownBy(() -> LifetimePolicy.parse(bad, "1")).as(bad)
                    .hasMessageStartingWith("VAI_MAX_TOKEN_LIFETIME_DAYS must be a number of days");
            assertThatThrownBy(() -> LifetimePolicy.parse("none", bad)).as(bad)
                    .hasMessageStartingWith("VAI_DEFAULT_TOKEN_LIFETIME_DAYS must be a number of days");
        }
    }
}
