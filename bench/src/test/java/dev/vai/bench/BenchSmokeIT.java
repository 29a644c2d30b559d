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
                .contains("not corrected for coordinated omission").contains("VAI_AUTH_FAILURE_LIMIT=0")
                .contains("## Machine");
        for (String measure : new String[] {"| Authenticated GET /api/v1/access-tokens/{id} |",
                "| Malformed token (bad checksum) rejected, 401 |", "| POST /api/v1/access-tokens |",
                "| POST /internal/v1/sessions |", "| Listing page 10 vs page 1",
                "| Revocation to Kafka record (open loop) |", "| Revoke-all of an owner with 200 active API keys",
                "| Deprovisioning of a user with 200 sessions",
                "| Peak resident memory of the service"}) {
            assertThat(report.lines().filter(line -> line.startsWith(measure))).as(measure).hasSize(1);
        }
        // the suite's database is the local server (VAI_BENCH_DB_URL unset), so its CPU is read beside the service's
        assertThat(report.lines().filter(line -> line.startsWith("| POST /api/v1/access-tokens |")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).containsPattern("PostgreSQL CPU [0-9.]+ ms/req")
                        .containsPattern("PostgreSQL CPU [0-9.]+ ms/row"));
    }
}
