package dev.vai.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar bench/target/bench.jar [--smoke] [--out bench/RESULTS.md] [--jar token-app/target/token-app.jar]}
 *
 * <p>Runs every measure, prints the table and writes it with the machine to the output file. {@code --smoke} runs
 * each measure for a moment only, to show the suite works; its figures mean nothing and it writes no file unless
 * {@code --out} is given.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Path out = null;
        Path jar = Path.of("token-app", "target", "token-app.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: bench [--smoke] [--out file] [--jar path]");
            }
        }
        if (!smoke && out == null) {
            out = Path.of("bench", "RESULTS.md");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        String report = run(jar, smoke);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println("Written to " + out);
        }
    }

    static String run(Path jar, boolean smoke) throws Exception {
        Path work = Files.createTempDirectory("vai-bench");
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<String> machine;
        double peak;
        try (Infrastructure infrastructure = Infrastructure.start(jar, work)) {
            machine = Machine.describe(infrastructure);
            rows.add(RevocationToRecord.run(infrastructure, 100, smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(30)));
            peak = infrastructure.memory.peakMib();
        }
        rows.add(new Row("Peak resident memory of the service", String.format("%.0f MiB (VmHWM)", peak), "none",
                "-", "<= 512 MiB", peak <= 512));
        return report(rows, machine, started, smoke);
    }

    static String report(List<Row> rows, List<String> machine, Instant started, boolean smoke) {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmark results\n\n");
        text.append(smoke ? "Smoke run (moments, not measurements; the figures mean nothing).\n\n" : "");
        text.append("Run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", took ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s.\n\n");
        text.append("| Measure | Figures | Baseline (same run) | Ratio | Target | Verdict |\n");
        text.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append("| ").append(row.measure()).append(" | ").append(row.figures()).append(" | ")
                    .append(row.baseline()).append(" | ").append(row.ratio()).append(" | ").append(row.target())
                    .append(" | ").append(row.verdict()).append(" |\n");
        }
        text.append("\n## Machine\n\n");
        machine.forEach(line -> text.append("- ").append(line).append('\n'));
        return text.toString();
    }
}
