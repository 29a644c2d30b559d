package dev.vai.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesWhatTheFormatterWrites() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T12:34:56.789Z", "2026-11-28T10:15:30.123456Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Timestamps.format(instant)).as(text).isEqualTo(Timestamps.FORMAT.format(instant));
        }
        SplittableRandom random = new SplittableRandom(28);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0 - 86_400, YEAR_10000 + 86_400),
                    random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).isEqualTo(Timestamps.FORMAT.format(instant));
        }
    }

    @Test
    void alwaysThreeFractionalDigitsInUtc() {
        assertThat(Timestamps.format(Instant.parse("2026-11-28T10:15:30Z"))).isEqualTo("2026-11-28T10:15:30.000Z");
        assertThat(Timestamps.format(null)).isNull();
    }
}
