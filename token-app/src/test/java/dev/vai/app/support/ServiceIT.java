package dev.vai.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service in production mode on a real PostgreSQL ({@link TestPostgres}) and a real Kafka broker
 * ({@link TestKafka}), listening on a random port, with its metrics at {@code /actuator/prometheus}. Every class with
 * this annotation shares one application context. Its management port (/internal, /actuator) is another random one
 * ({@code @LocalManagementPort}). Failed-authentication throttling is off here (every request comes
 * from 127.0.0.1, and the tests fail on purpose); ConfiguredSettingsIT tests it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"vai.test.services=true",
        "vai.metrics.active-tokens-refresh=1s", "vai.auth-failure-limit=0",
        "vai.management-port=0"})
@AutoConfigureMetrics
@Import(TestInfrastructure.class)
public @interface ServiceIT {
}
