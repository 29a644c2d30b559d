package dev.vai.app.support;

import dev.vai.app.ModeEnvironmentPostProcessor;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For tests marked {@code vai.test.services=true}: points the application at {@link TestPostgres} and
 * {@link TestKafka}, in production mode with test secrets, before the mode is chosen.
 */
public class TestServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    public static final String SECRET_KEY = "test-secret-key-0123456789abcdef0123456789";

    @Override
    public int getOrder() {
        return ModeEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("vai.test.services", Boolean.class, false)) {
            return;
        }
        TestPostgres.Database database = TestPostgres.database();
        environment.getPropertySources().addFirst(new MapPropertySource("testServices", Map.ofEntries(
                Map.entry("vai.mode", "production"),
                Map.entry("vai.db.url", database.url()),
                Map.entry("vai.db.user", database.user()),
                Map.entry("vai.db.password", database.password()),
                Map.entry("vai.kafka.bootstrap", TestKafka.bootstrap()),
                Map.entry("vai.audit.create-topic", "true"),
                Map.entry("vai.audit.topic-partitions", "3"),
                Map.entry("vai.audit.topic-replication-factor", "1"),
                Map.entry("vai.admin-key", ADMIN_KEY),
                Map.entry("vai.secret-key", SECRET_KEY))));
    }
}
