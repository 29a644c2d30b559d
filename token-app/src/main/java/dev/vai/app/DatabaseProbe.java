package dev.vai.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.scheduling.TaskScheduler;
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
    private final ScheduledFuture<?> probing;

    DatabaseProbe(DataSource dataSource, MeterRegistry registry, TaskScheduler scheduler) {
        this.dataSource = dataSource;
        Gauge.builder("vai.database.up", up, AtomicInteger::get)
                .description("1 if the last database check succeeded, 0 if not")
                .register(registry);
        probing = scheduler.scheduleWithFixedDelay(this::check, Instant.now().plus(INTERVAL), INTERVAL);
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
        probing.cancel(true);
    }
}
