package dev.vai.app;

import dev.vai.devbroker.DevKafkaBroker;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dev mode without {@code VAI_KAFKA_BOOTSTRAP}: a real Kafka broker in the process, so that a newcomer sees the audit
 * stream with nothing installed. Spring reads this class's condition without loading it; in production mode neither
 * it nor Kafka's server classes are ever loaded, and the production jar ({@code token-app.jar}) does not carry them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vai.dev.kafka-broker", havingValue = "true")
class DevBrokerConfiguration {

    @Bean(destroyMethod = "close")
    DevKafkaBroker devKafkaBroker(@Value("${vai.dev.kafka-port}") int port, @Value("${vai.data-dir}") Path dataDir) {
        return DevKafkaBroker.start(port, dataDir.resolve("kafka"));
    }
}
