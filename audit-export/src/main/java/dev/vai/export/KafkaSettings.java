package dev.vai.export;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Kafka ({@code vai.kafka.*}).
 *
 * @param bootstrap {@code VAI_KAFKA_BOOTSTRAP}: host:port[,host:port...]; required in production mode, dev mode
 *     starts its own broker when it is unset
 * @param properties extra client properties (TLS, SASL), e.g. {@code vai.kafka.properties.security.protocol=SSL}
 */
@ConfigurationProperties(prefix = "vai.kafka")
public record KafkaSettings(String bootstrap, @DefaultValue Map<String, String> properties) {
}
