package dev.vai.export.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease as a PostgreSQL session-level advisory lock, held on a connection of its own (outside the pool). If that
 * connection dies, with the instance or with the database, PostgreSQL releases the lock and another instance takes
 * it. If two instances ever overlap for a moment, the outcome is a duplicate record (same id), never a reordering:
 * both publish from the oldest entry in id order.
 */
public class PostgresDrainLease implements DrainLease {

    /** "vai-audi" in ASCII: the lock's key, the same on every instance of one database. */
    static final long LOCK_KEY = 0x7661692d61756469L;
    private static final Logger log = LoggerFactory.getLogger(PostgresDrainLease.class);

    private final String url;
    private final Properties credentials = new Properties();
    private Connection connection;
    private boolean held;

    public PostgresDrainLease(String url, String user, String password) {
        this.url = url;
        credentials.setProperty("user", user == null ? "" : user);
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "10");
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "vai-audit-drain-lease");
    }

    @Override
    public synchronized boolean holds() {
        try {
            if (connection == null || !connection.isValid(2)) {
                reset();
                connection = DriverManager.getConnection(url, credentials);
            }
            if (!held) {
                try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                    statement.setLong(1, LOCK_KEY);
                    try (ResultSet result = statement.executeQuery()) {
                        held = result.next() && result.getBoolean(1);
                    }
                }
                if (held) {
                    log.info("This instance now drains the audit outbox");
                }
            }
            return held;
        } catch (SQLException e) {
            reset();
            return false;
        }
    }

    private void reset() {
        if (held) {
            log.info("This instance no longer drains the audit outbox (its lease connection was lost)");
        }
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
