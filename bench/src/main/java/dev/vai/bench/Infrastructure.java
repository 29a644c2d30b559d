package dev.vai.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the suite runs against, all on loopback and all its own: a fresh database on the local PostgreSQL
 * ({@code VAI_BENCH_DB_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}), a Kafka
 * broker and the service, in child processes: the service from the jar that ships ({@code token-app.jar}) in
 * production mode, the broker from the dev jar beside it ({@code token-app-dev.jar dev-kafka}).
 */
final class Infrastructure implements AutoCloseable {

    static final String ADMIN_KEY = "bench-admin-key-0123456789abcdef";
    /** The options the README recommends for the service: a small heap and a collector without G1's overhead. */
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=160m", "-Xss512k");
    /** Set beside {@link #SERVICE_JVM}: glibc keeps fewer per-thread arenas, so less resident memory. */
    static final Map.Entry<String, String> MALLOC_ARENAS = Map.entry("MALLOC_ARENA_MAX", "2");

    final Path jar;
    final String databaseUrl;
    final Properties credentials = new Properties();
    final int brokerPort;
    final int servicePort;
    /** Production's management port: the internal API and the actuator (the liveness baseline) answer there. */
    final int managementPort;
    private final String serverUrl;
    private final String database;
    private final ChildProcess broker;
    final ChildProcess service;
    final PeakMemory memory;

    private Infrastructure(Path jar, Path work) throws IOException, SQLException {
        this.jar = jar;
        String given = System.getenv().getOrDefault("VAI_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        serverUrl = given;
        credentials.setProperty("user", System.getenv().getOrDefault("VAI_BENCH_DB_USER", "postgres"));
        credentials.setProperty("password", System.getenv().getOrDefault("VAI_BENCH_DB_PASSWORD", ""));
        database = "vai_bench_" + System.currentTimeMillis();
        execute(serverUrl, "create database " + database);
        databaseUrl = given.substring(0, given.lastIndexOf('/') + 1) + database;

        brokerPort = ChildProcess.freePortPair();
        broker = ChildProcess.start(ChildProcess.java(devJar(jar), List.of("-Xmx512m"), "dev-kafka", "--port",
                String.valueOf(brokerPort), "--dir", work.resolve("kafka").toString()), Map.of(),
                work.resolve("broker.log"));
        broker.awaitLog("dev-kafka ready on", Duration.ofSeconds(60));

        servicePort = ChildProcess.freePort();
        managementPort = ChildProcess.freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("VAI_MODE", "production");
        environment.put("VAI_DB_URL", databaseUrl);
        environment.put("VAI_DB_USER", credentials.getProperty("user"));
        environment.put("VAI_DB_PASSWORD", credentials.getProperty("password"));
        environment.put("VAI_KAFKA_BOOTSTRAP", "localhost:" + brokerPort);
        environment.put("VAI_AUDIT_CREATE_TOPIC", "true");
        environment.put("VAI_AUDIT_TOPIC_PARTITIONS", "6");
        environment.put("VAI_AUDIT_TOPIC_REPLICATION_FACTOR", "1");
        environment.put("VAI_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("VAI_ADMIN_KEY", ADMIN_KEY);
        environment.put("VAI_SECRET_KEY", "bench-secret-key-0123456789abcdefghijklmnop");
        // the malformed-token measure wants every request to reach authentication, not the throttle
        environment.put("VAI_AUTH_FAILURE_LIMIT", "0");
        environment.put(MALLOC_ARENAS.getKey(), MALLOC_ARENAS.getValue());
        Files.createDirectories(work);
        List<String> jvm = new ArrayList<>(serviceJvm());
        String extra = System.getenv("VAI_BENCH_SERVICE_JVM_OPTIONS"); // e.g. -XX:StartFlightRecording=... to profile
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        service = ChildProcess.start(ChildProcess.java(jar, jvm, "--server.port=" + servicePort),
                environment, work.resolve("service.log"));
        service.awaitLog("Started TokenServiceApplication", Duration.ofSeconds(120));
        memory = new PeakMemory(service.pid());
    }

    /** The service's JVM options: {@link #SERVICE_JVM}, or VAI_BENCH_SERVICE_JVM to compare others in its place. */
    static List<String> serviceJvm() {
        String replaced = System.getenv("VAI_BENCH_SERVICE_JVM");
        return replaced == null || replaced.isBlank() ? SERVICE_JVM : List.of(replaced.trim().split("\\s+"));
    }

    /** The dev artifact beside the production one: it alone carries the broker. */
    static Path devJar(Path jar) {
        String name = jar.getFileName().toString();
        Path dev = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-dev.jar");
        if (!Files.exists(dev)) {
            throw new IllegalStateException(dev + " (the broker) is missing: build it beside " + jar
                    + " (./mvnw -DskipTests package)");
        }
        return dev;
    }

    static Infrastructure start(Path jar, Path work) throws IOException, SQLException {
        return new Infrastructure(jar, work);
    }

    /** CPU time the service process has used so far (user + system), in milliseconds, from /proc. */
    long serviceCpuMillis() {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", String.valueOf(service.pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time so far of the local PostgreSQL server's processes (its backends and background workers), or -1 when the
     * database is not on this machine or its processes cannot be read. A backend that exits takes its CPU time with it,
     * so this is read around a window in which connections stay open (the service's pool, the baseline's threads).
     */
    long databaseCpuMillis() {
        if (!databaseUrl.startsWith("jdbc:postgresql://127.0.0.1")
                && !databaseUrl.startsWith("jdbc:postgresql://localhost")) {
            return -1;
        }
        long millis = 0;
        int processes = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : all) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres")) {
                        millis += cpuMillis(stat);
                        processes++;
                    }
                } catch (IOException | RuntimeException exitingOrNotOurs) {
                    // a process that ended while the list was read, or one whose stat is not readable
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return processes == 0 ? -1 : millis;
    }

    /** User and system CPU time from a {@code /proc/PID/stat} line (the fields after the command's name). */
    private static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
    }

    String baseUrl() {
        return "http://127.0.0.1:" + servicePort;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, credentials);
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, credentials);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        memory.close();
        service.close();
        broker.close();
        try {
            execute(serverUrl, "drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + database + ": " + e.getMessage());
        }
    }
}
