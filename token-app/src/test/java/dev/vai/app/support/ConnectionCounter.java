package dev.vai.app.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's real data source, counting the connections it hands out to HTTP request threads (Tomcat's
 * {@code *-exec-*} workers; background work such as the audit drainer is not counted): a request that needs none
 * takes none.
 */
public class ConnectionCounter extends DelegatingDataSource {

    private final AtomicLong borrowed = new AtomicLong();

    public ConnectionCounter(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        count();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        count();
        return super.getConnection(username, password);
    }

    private void count() {
        if (Thread.currentThread().getName().contains("-exec-")) {
            borrowed.incrementAndGet();
        }
    }

    public long borrowed() {
        return borrowed.get();
    }
}
