package dev.vai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar bench/target/bench.jar [--smoke] [--out bench/RESULTS.md] [--jar token-app/target/token-app.jar]}
 * (or {@code ... bench.jar jmh [JMH options]} for the in-process benchmarks alone)
 *
 * <p>Runs every measure, prints the table and writes it with the machine to the output file. {@code --smoke} runs
 * each measure for a moment only, to show the suite works; its figures mean nothing and it writes no file unless
 * {@code --out} is given. A rewritten file keeps its hand-written part, below {@link #NOTES_MARKER}.
 */
public final class Bench {

    /** Everything after this line of the results file is written by hand and kept when a run rewrites the file. */
    static final String NOTES_MARKER = "<!-- written by hand below this line; a run keeps it -->";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean smoke = false;
        Set<String> only = Set.of();
        Integer tokens = null;
        Path out = null;
        Path jar = Path.of("token-app", "target", "token-app.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--tokens" -> tokens = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: bench [--smoke] [--out file] [--jar path]"
                        + " [--only reads,create,sessions,listing,revocation,revoke-all,jmh] [--tokens n]");
            }
        }
        if (!smoke && out == null && only.isEmpty() && tokens == null) {
            out = Path.of("bench", "RESULTS.md");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        String report = run(jar, smoke, only, tokens);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report + keptNotes(out), StandardCharsets.UTF_8);
            System.out.println("Written to " + out);
        }
        System.exit(report.contains("MISSED") ? 1 : 0);
    }

    /** The hand-written part of an existing results file (profiling, before and after), which a run keeps. */
    static String keptNotes(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        String existing = Files.readString(out, StandardCharsets.UTF_8);
        int at = existing.indexOf(NOTES_MARKER);
        return at < 0 ? "" : "\n" + existing.substring(at);
    }

    static String run(Path jar, boolean smoke) throws Exception {
        return run(jar, smoke, Set.of(), null);
    }

    /**
     * Runs the measures named in {@code only} (all when empty) on a store of {@code tokens} tokens (null: 1 000 000,
     * or 20 000 for a smoke run), a tenth of them the big owner's. Only a full run writes RESULTS.md by default.
     */
    static String run(Path jar, boolean smoke, Set<String> only, Integer tokens) throws Exception {
        Path work = Files.createTempDirectory("vai-bench");
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<String> machine;
        double peak;
        int total = tokens != null ? tokens : smoke ? 20_000 : 1_000_000;
        int bigOwner = total / 10;
        Measures.Timing timing = smoke ? new Measures.Timing(Duration.ofMillis(500), Duration.ofSeconds(1))
                : new Measures.Timing(Duration.ofSeconds(5), Duration.ofSeconds(15));
        try (Infrastructure infrastructure = Infrastructure.start(jar, work)) {
            machine = Machine.describe(infrastructure);
            long loading = System.nanoTime();
            BulkLoader.load(infrastructure, total, bigOwner);
            machine.add(String.format("Store: %,d tokens bulk-loaded (events and read model) in %d s", total,
                    (System.nanoTime() - loading) / 1_000_000_000));
            if (only.isEmpty() || only.contains("reads")) {
                rows.addAll(Measures.reads(infrastructure, timing));
            }
            boolean writes = only.isEmpty() || only.contains("create") || only.contains("sessions")
                    || only.contains("revoke-all");
            Measures.JdbcResult inserts = writes ? Measures.jdbcInserts(infrastructure, timing) : null;
            if (only.isEmpty() || only.contains("create")) {
                rows.add(Measures.create(infrastructure, timing, inserts));
            }
            if (only.isEmpty() || only.contains("sessions")) {
                rows.add(Measures.sessions(infrastructure, timing, inserts));
            }
            if (only.isEmpty() || only.contains("listing")) {
                rows.add(Measures.listing(infrastructure, timing, smoke ? 10 : 1000, bigOwner, total));
            }
            if (only.isEmpty() || only.contains("revocation")) {
                rows.add(RevocationToRecord.run(infrastructure, 100,
                        smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(30)));
            }
            if (only.isEmpty() || only.contains("revoke-all")) {
                rows.addAll(MassRevocation.run(infrastructure, smoke ? 200 : 10_000, inserts));
            }
            peak = infrastructure.memory.peakMib();
        }
        rows.add(new Row(String.format("Peak resident memory of the service, whole suite, %,d tokens stored", total),
                String.format("%.0f MiB (VmHWM)", peak), "none", "-", "<= 512 MiB", peak <= 512));
        if (!smoke && (only.isEmpty() || only.contains("jmh"))) {
            rows.addAll(Jmh.run());
        }
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
        text.append("\nHTTP latencies come from the suite's closed-loop generator (").append(Measures.CONNECTIONS)
                .append(" keep-alive connections): service times, not corrected for coordinated omission. The"
                        + " revocation measure is open loop, timed from each revocation's scheduled send, so it is."
                        + " Failed-authentication throttling is off for the whole suite (VAI_AUTH_FAILURE_LIMIT=0),"
                        + " so every malformed token reaches authentication. Service CPU is the service process's"
                        + " CPU time during the measure (GC and background threads included) per request;"
                        + " PostgreSQL CPU is that of the local server's processes (backends and background workers)"
                        + " during the same measure, per request or row, left out when the database is elsewhere."
                        + " PostgreSQL, the broker and the generator share the same cores.\n");
        text.append("\n## Machine\n\n");
        machine.forEach(line -> text.append("- ").append(line).append('\n'));
        return text.toString();
    }
}
