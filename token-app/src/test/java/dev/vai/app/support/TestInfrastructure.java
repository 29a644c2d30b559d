package dev.vai.app.support;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the integration tests add to the real application: a clock they can set, a count of connections taken, a
 * client of the service ({@code @Autowired Api api}) that knows both its ports, and the event store as the tests read
 * it ({@code @Autowired EventStore events}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** Lazy: made when a test asks for it, once the server listens and both ports are known. */
    @Bean
    @Lazy
    Api api(Environment environment) {
        return new Api(environment.getRequiredProperty("local.server.port", Integer.class),
                environment.getRequiredProperty("local.management.port", Integer.class));
    }

    /** The event store, read with the application's own database connection. */
    @Bean
    EventStore eventStore(JdbcTemplate jdbc) {
        return new EventStore(jdbc);
    }

    @Bean
    static BeanPostProcessor countConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof ConnectionCounter)
                        ? new ConnectionCounter(dataSource) : bean;
            }
        };
    }
}
