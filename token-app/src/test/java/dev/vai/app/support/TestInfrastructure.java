package dev.vai.app.support;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What the integration tests add to the real application: a clock they can set, a count of connections taken. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
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
