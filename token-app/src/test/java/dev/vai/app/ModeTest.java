package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The mode is decided once, from three settings, and only when they say one mode clearly. */
class ModeTest {

    private static final String DB = "jdbc:postgresql://db.internal:5432/vai";

    @Test
    void nothingSetIsDevMode() {
        assertThat(Mode.decide(null, null, null)).isEqualTo(Mode.DEV);
    }

    @Test
    void aDatabaseOrABrokerWithoutVaiModeRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> Mode.decide(null, DB, null)).isInstanceOf(MissingConfiguration.class)
                .hasMessageContaining("VAI_DB_URL is set but VAI_MODE is not")
                .hasMessageContaining("VAI_MODE=production").hasMessageContaining("VAI_MODE=dev");
        assertThatThrownBy(() -> Mode.decide(null, null, "localhost:9092"))
                .hasMessageContaining("VAI_KAFKA_BOOTSTRAP is set but VAI_MODE is not");
    }

    @Test
    void aBlankDatabaseUrlIsRefusedWhateverTheMode() {
        for (String mode : new String[] {null, "production", "dev"}) {
            assertThatThrownBy(() -> Mode.decide(mode, " ", null)).as(mode).hasMessageContaining("VAI_DB_URL is set but blank");
        }
    }

    @Test
    void productionNeedsADatabaseAndDevRefusesOne() {
        assertThat(Mode.decide("production", DB, "kafka-1.internal:9092")).isEqualTo(Mode.PRODUCTION);
        assertThatThrownBy(() -> Mode.decide("production", null, "kafka-1.internal:9092"))
                .hasMessageContaining("VAI_MODE=production needs VAI_DB_URL");
        assertThatThrownBy(() -> Mode.decide("dev", DB, null)).hasMessageContaining("unset VAI_DB_URL");
    }

    @Test
    void devModeUsesABrokerOnThisMachineOnly() {
        assertThat(Mode.decide("dev", null, "localhost:9092,127.0.0.1:9093,[::1]:9094")).isEqualTo(Mode.DEV);
        for (String remote : new String[] {"kafka.prod.internal:9092", "localhost:9092,kafka-2:9092", "10.0.0.7:9092",
                "127.attacker.example:9092", "[2001:db8::1]:9092", ""}) {
            assertThatThrownBy(() -> Mode.decide("dev", null, remote)).as(remote)
                    .hasMessageContaining("must never write into a production audit topic");
        }
    }

    @Test
    void theModeIsReadInAnyCaseAndAnythingElseIsRefused() {
        assertThat(Mode.decide(" Production ", DB, null)).isEqualTo(Mode.PRODUCTION);
        assertThat(Mode.decide("DEV", null, null)).isEqualTo(Mode.DEV);
        assertThatThrownBy(() -> Mode.decide("staging", DB, null)).hasMessage("VAI_MODE must be 'dev' or 'production'.");
    }

    @Test
    void aTurkishLocaleDoesNotTurnProductionIntoSomethingElse() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat("PRODUCTION".toLowerCase()).as("the trap").isNotEqualTo("production");
            assertThat(Mode.decide("PRODUCTION", DB, null)).isEqualTo(Mode.PRODUCTION);
            assertThat(Mode.PRODUCTION.wireName()).isEqualTo("production");
        } finally {
            Locale.setDefault(before);
        }
    }
}
