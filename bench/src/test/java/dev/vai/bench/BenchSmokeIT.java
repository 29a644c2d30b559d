package dev.vai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The suite runs end to end and prints its table; the figures of so short a run mean nothing and are not checked. */
class BenchSmokeIT {

    @Test
    void theSuiteRunsAndPrintsItsTable() throws Exception {
        String report = Bench.run(Path.of("..", "token-app", "target", "token-app.jar"), true);

        assertThat(report).contains("| Measure | Figures | Baseline (same run) | Ratio | Target | Verdict |")
                .contains("Revocation to Kafka record")
                .contains("Peak resident memory of the service")
                .contains("## Machine");
        assertThat(report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Measure"))).hasSizeGreaterThanOrEqualTo(2);
    }
}
