package dev.vai.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** The HTTP measures, each beside its baseline, taken in the same run against the same process and database. */
final class Measures {

    static final int CONNECTIONS = 8;
    static final int CREATE_WARMUP_FACTOR = 6;
    /**
     * The creates are spread over this many owners, each connection taking its turn through its share: one owner
     * would soon reach VAI_MAX_ACTIVE_KEYS_PER_OWNER (1000), and the limit's check counts the owner's active keys.
     * A few hundred creates per owner over a full run is what the service sees from a busy user.
     */
    static final int CREATE_OWNERS = 256;

    record Timing(Duration warmup, Duration duration) {
    }

    private Measures() {
    }

    /**
     * Authenticated read of one token, and the rejection of a malformed token, each against the liveness endpoint of
     * the same process under the same load generator and concurrency.
     */
    static List<Row> reads(Infrastructure infrastructure, Timing timing) throws Exception {
        Http http = new Http(infrastructure);
        String session = http.session("bench-reader");
        String[] key = http.createKey(session, "read me");
        String badChecksum = key[1].substring(0, 54) + (key[1].charAt(54) == 'a' ? 'b' : 'a');
        int port = infrastructure.servicePort;
        byte[] liveness = LoadGenerator.get("/actuator/health/liveness");
        byte[] read = LoadGenerator.get("/api/v1/access-tokens/" + key[0], "Authorization", "Bearer " + key[1]);
        byte[] malformed = LoadGenerator.get("/api/v1/access-tokens/" + key[0], "Authorization", "Bearer " + badChecksum);
        // warm all three up first, so that none is measured on code the JIT has not compiled yet (liveness is on the
        // management port, production's)
        LoadGenerator.run(infrastructure.managementPort, CONNECTIONS, Duration.ZERO, timing.warmup(), i -> liveness, 0);
        LoadGenerator.run(port, CONNECTIONS, Duration.ZERO, timing.warmup().multipliedBy(2),
                i -> i % 2 == 0 ? read : malformed, 0);

        LoadGenerator.Result livenessBefore = liveness(infrastructure, timing);
        LoadGenerator.Result reads = LoadGenerator.run(port, CONNECTIONS, timing.warmup(), timing.duration(),
                i -> read, 200, infrastructure::serviceCpuMillis,
                infrastructure::databaseCpuMillis);
        long transactionsBefore = transactions(infrastructure);
        LoadGenerator.Result rejections = LoadGenerator.run(port, CONNECTIONS, timing.warmup(), timing.duration(),
                i -> malformed, 401, infrastructure::serviceCpuMillis,
                infrastructure::databaseCpuMillis);
        double perRequest = (transactions(infrastructure) - transactionsBefore)
                / (double) Math.max(1, rejections.requests());
        // the baseline is measured before and after, and the faster of the two is used: the JIT warms up as the run
        // goes on, and the faster baseline makes the ratio the harder one to meet
        LoadGenerator.Result livenessAfter = liveness(infrastructure, timing);
        LoadGenerator.Result baseline = livenessAfter.throughput() > livenessBefore.throughput()
                ? livenessAfter : livenessBefore;

        double readRatio = reads.throughput() / baseline.throughput();
        double malformedRatio = rejections.throughput() / baseline.throughput();
        return List.of(
                new Row("Authenticated GET /api/v1/access-tokens/{id}", reads.describe(),
                        "liveness: " + baseline.describe(), String.format("%.2f", readRatio), "throughput >= 0.5",
                        readRatio >= 0.5 && reads.errors() == 0),
                new Row("Malformed token (bad checksum) rejected, 401", rejections.describe()
                        + String.format("; %.4f database transactions per request (background work included)",
                        perRequest), "liveness: " + baseline.describe(), String.format("%.2f", malformedRatio),
                        "throughput >= 0.9, no query", malformedRatio >= 0.9 && perRequest < 0.05
                        && rejections.errors() == 0));
    }

    private static LoadGenerator.Result liveness(Infrastructure infrastructure, Timing timing) throws Exception {
        return LoadGenerator.run(infrastructure.managementPort, CONNECTIONS, timing.warmup(), timing.duration(),
                i -> LoadGenerator.get("/actuator/health/liveness"), 200, infrastructure::serviceCpuMillis,
                infrastructure::databaseCpuMillis);
    }

    /** Database transactions committed so far, from PostgreSQL's own statistics for this database. */
    private static long transactions(Infrastructure infrastructure) throws Exception {
        try (Connection connection = infrastructure.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet result = statement.executeQuery(
                    "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Creating an API key through the API, against single-row JDBC inserts into the same database. */
    static Row create(Infrastructure infrastructure, Timing timing, JdbcResult baseline) throws Exception {
        Http http = new Http(infrastructure);
        List<byte[]> creates = new ArrayList<>();
        for (int owner = 0; owner < CREATE_OWNERS; owner++) {
            creates.add(LoadGenerator.request("POST", "/api/v1/access-tokens", "{\"name\": \"bench key\"}",
                    "Authorization", "Bearer " + http.session("bench-creator-" + owner),
                    "Content-Type", "application/json"));
        }
        LoadGenerator.Result create = issuing(infrastructure, infrastructure.servicePort, timing, creates);
        double ratio = create.throughput() / baseline.throughput();
        return new Row("POST /api/v1/access-tokens", create.describe(), baseline.describe(),
                String.format("%.2f", ratio), "throughput >= 0.35", ratio >= 0.35 && create.errors() == 0);
    }

    /**
     * Minting a session through the internal API (on the management port, with the admin key), as the login service
     * does at every login, spread over {@link #CREATE_OWNERS} users; against the same single-row JDBC inserts.
     */
    static Row sessions(Infrastructure infrastructure, Timing timing, JdbcResult baseline) throws Exception {
        List<byte[]> logins = new ArrayList<>();
        for (int user = 0; user < CREATE_OWNERS; user++) {
            logins.add(LoadGenerator.request("POST", "/internal/v1/sessions",
                    "{\"userId\": \"bench-login-" + user + "\"}", "X-Admin-Key", Infrastructure.ADMIN_KEY,
                    "Content-Type", "application/json"));
        }
        LoadGenerator.Result mint = issuing(infrastructure, infrastructure.managementPort, timing, logins);
        double ratio = mint.throughput() / baseline.throughput();
        return new Row("POST /internal/v1/sessions", mint.describe(), baseline.describe(),
                String.format("%.2f", ratio), "throughput >= 0.15", ratio >= 0.15 && mint.errors() == 0);
    }

    /**
     * {@code requests} (each a 201), connection {@code i} taking its turn through every {@link #CONNECTIONS}-th. An
     * issue runs a few hundred times a second, against thousands for a read, and its path (Axon, Hibernate, the
     * outbox) is wider: the JIT needs far longer to compile it, and a short warmup measures the compiler.
     */
    private static LoadGenerator.Result issuing(Infrastructure infrastructure, int port, Timing timing,
            List<byte[]> requests) throws InterruptedException {
        return LoadGenerator.rotating(port, CONNECTIONS, timing.warmup().multipliedBy(CREATE_WARMUP_FACTOR),
                timing.duration(), connection -> java.util.stream.IntStream.range(0, requests.size())
                        .filter(i -> i % CONNECTIONS == connection).mapToObj(requests::get).toArray(byte[][]::new),
                201, infrastructure::serviceCpuMillis, infrastructure::databaseCpuMillis);
    }

    record JdbcResult(long rows, double seconds, Latencies latencies, long databaseCpuMillis) {
        double throughput() {
            return rows / seconds;
        }

        String describe() {
            return String.format("JDBC single-row inserts: %.0f rows/s, p50 %.2f ms, p99 %.2f ms%s", throughput(),
                    latencies.percentileMillis(50), latencies.percentileMillis(99), databaseCpuMillis < 0 ? ""
                            : String.format(", PostgreSQL CPU %.2f ms/row", (double) databaseCpuMillis / rows));
        }
    }

    /** {@link #CONNECTIONS} threads, each inserting one row per transaction (autocommit) for the same time. */
    static JdbcResult jdbcInserts(Infrastructure infrastructure, Timing timing) throws Exception {
        try (Connection connection = infrastructure.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_baseline (id uuid primary key, owner varchar(255)"
                    + " not null, created_at timestamp(3) with time zone not null, payload bytea not null)");
        }
        long measureFrom = System.nanoTime() + timing.warmup().toNanos();
        long end = measureFrom + timing.duration().toNanos();
        AtomicLong rows = new AtomicLong();
        Latencies latencies = new Latencies();
        byte[] payload = new byte[400];
        List<Thread> threads = new ArrayList<>();
        // a backend that exits takes its CPU time with it: connections stay open until the database's CPU is read
        CountDownLatch read = new CountDownLatch(1);
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = infrastructure.connect(); PreparedStatement insert = connection
                        .prepareStatement("insert into bench_baseline values (?, ?, ?, ?)")) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "bench-baseline");
                        insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                        insert.setBytes(4, payload);
                        insert.executeUpdate();
                        long done = System.nanoTime();
                        if (start >= measureFrom && done <= end) {
                            rows.incrementAndGet();
                            latencies.add(done - start);
                        }
                    }
                    read.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "jdbc-" + i);
            threads.add(thread);
            thread.start();
        }
        LoadGenerator.sleepUntil(measureFrom);
        long databaseBefore = infrastructure.databaseCpuMillis();
        LoadGenerator.sleepUntil(end);
        long databaseAfter = infrastructure.databaseCpuMillis();
        read.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new JdbcResult(rows.get(), timing.duration().toNanos() / 1e9, latencies,
                databaseBefore < 0 || databaseAfter < 0 ? -1 : databaseAfter - databaseBefore);
    }

    /**
     * The first page of a listing against page {@code page} (limit 50) of the owner with the most tokens: keyset
     * pagination should make them cost the same.
     */
    static Row listing(Infrastructure infrastructure, Timing timing, int page, int ownerTokens, int totalTokens)
            throws Exception {
        Http http = new Http(infrastructure);
        String session = http.session(BulkLoader.BIG_OWNER);
        String cursor = null;
        for (int p = 1; p < page; p++) {
            HttpResponse<String> answer = http.send(http.request("/api/v1/access-tokens?limit=50"
                            + (cursor == null ? "" : "&cursor=" + cursor)).header("Authorization", "Bearer " + session)
                    .GET().build());
            cursor = Http.json(answer).get("nextCursor").asText();
        }
        String deep = "/api/v1/access-tokens?limit=50&cursor=" + cursor;
        LoadGenerator.Result first = LoadGenerator.run(infrastructure.servicePort, CONNECTIONS, timing.warmup(),
                timing.duration(), i -> LoadGenerator.get("/api/v1/access-tokens?limit=50", "Authorization",
                        "Bearer " + session), 200);
        LoadGenerator.Result later = LoadGenerator.run(infrastructure.servicePort, CONNECTIONS, timing.warmup(),
                timing.duration(), i -> LoadGenerator.get(deep, "Authorization", "Bearer " + session), 200);
        double ratio = later.latencies().percentileMillis(50) / first.latencies().percentileMillis(50);
        return new Row(String.format("Listing page %d vs page 1 (limit 50; owner with %,d of %,d tokens)", page,
                ownerTokens, totalTokens), "page " + page + ": " + later.describe(), "page 1: " + first.describe(),
                String.format("%.2f (p50)", ratio), "page " + page + " p50 <= 1.5 x page 1",
                ratio <= 1.5 && first.errors() == 0 && later.errors() == 0);
    }
}
