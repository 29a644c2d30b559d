package dev.vai.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * {@code vai_database_up}: 1 when the last check (a {@code select 1} every {@link #INTERVAL}) reached the database, 0
 * when it did not. The alert on it fires whatever the traffic; readiness says the same to the load balancer.
 */
@Component
class DatabaseProbe {

    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final AtomicInteger up = new AtomicInteger(1);
    private final DataSource dataSource;
    private final ScheduledExecutorService probe;

    DatabaseProbe(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("vai.database.up", up, AtomicInteger::get)
                .description("1 if the last database check succeeded, 0 if not")
                .register(registry);
        probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-probe");
            thread.setDaemon(true);
            return thread;
        });
        probe.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            up.set(1);
        } catch (Exception e) {
            up.set(0);
        }
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
    }
}
