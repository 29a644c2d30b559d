package dev.vai.app.operations;

import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the dashboard shipped in {@code ops/} use only metrics the running service exports (an
 * expression on a metric that does not exist is silent forever), and promtool accepts them where it is installed.
 */
@ServiceIT
class OperationsFilesIT {

    private static final Path OPS = Path.of("..", "ops");
    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    @Autowired
    Api api;

    private Scrape scrape;

    @BeforeEach
    void scrapeAfterTraffic() {
        Api.Issued user = api.issue(aSession());
        api.issue(anApiKey().named("ops").by(user));
        api.get("/api/v1/access-tokens", Api.bearer(user.plaintext()));
        System.gc(); // so that the GC pause timer exists, as it does in any service that has run a while
        scrape = Scrape.of(api);
    }

    /** The metric names an expression reads: what is left once labels, strings, ranges and grouping are removed. */
    static Set<String> metricsOf(String expression) {
        String stripped = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$__\\w+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void theExtractorFindsMetricsAndNothingElse() {
        assertThat(metricsOf("sum by (status) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                + " / clamp_min(sum(rate(x_total[5m])), 1e-9) > 0.01 and time() - max(y) > 300"))
                .containsExactly("http_server_requests_seconds_count", "x_total", "y");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertExpressionUsesExportedMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(OPS.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(((Map<String, Object>) rule.get("annotations")).get("runbook")).as(rule.get("alert") + "")
                        .isNotNull();
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);
        assertExported(expressions);
    }

    @Test
    void everyDashboardQueryUsesExportedMetrics() throws IOException {
        JsonNode dashboard = Api.JSON.readTree(OPS.resolve("grafana/dashboards/vai-access-tokens.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.get("expr").asText())));
        assertThat(expressions).hasSizeGreaterThan(20);
        assertExported(expressions);
    }

    private void assertExported(List<String> expressions) {
        for (String expression : expressions) {
            Set<String> used = metricsOf(expression);
            assertThat(used).as(expression).isNotEmpty();
            for (String metric : used) {
                if (!PROMETHEUS_OWN.contains(metric)) {
                    assertThat(scrape.names()).as("metric %s in %s", metric, expression).contains(metric);
                }
            }
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheConfiguration() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus)");
        assertThat(run("promtool", "check", "rules", OPS.resolve("prometheus/alerts.yml").toString())).isZero();
        assertThat(run("promtool", "check", "config", OPS.resolve("prometheus/prometheus.yml").toString())).isZero();
    }

    @Test
    void promtoolFindsNoCamelCaseInWhatTheServiceExports() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus)");
        Api.Issued session = api.issue(aSession());
        api.issue(anApiKey().named("meters").by(session));
        Process process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(Scrape.of(api).text().getBytes(StandardCharsets.UTF_8));
        }
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(report).as("the scrape names Axon's meters, so it is not vacuous")
                .doesNotContain("camelCase");
        assertThat(Scrape.of(api).text()).contains("event_processor_success_counter_total{");
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(output);
        }
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
