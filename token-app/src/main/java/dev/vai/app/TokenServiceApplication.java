package dev.vai.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The access-token service: every module under {@code dev.vai}, one process. Two subcommands share the jar:
 * {@code audit-tail} prints the audit stream; {@code dev-kafka} runs dev mode's broker alone (in token-app-dev.jar
 * only, like dev mode itself).
 */
/*
 * Two of Axon 4.13's auto-configurations order themselves after Boot 3's class names only; under Boot 4 they run before
 * Boot's own and take over from them: one defines a plain ObjectMapper that displaces Boot's (the REST layer's), the
 * other a SimpleMeterRegistry beside Prometheus's (every Axon meter kept twice). AxonConfiguration wires Axon's
 * metrics to Boot's registry instead; the event store has its own ObjectMapper (EventJson).
 */
@SpringBootApplication(scanBasePackages = "dev.vai", excludeName = {
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"})
@AutoConfigurationPackage(basePackages = "dev.vai")
public class TokenServiceApplication {

    private static final Map<String, String> SUBCOMMANDS = Map.of(
            "audit-tail", "dev.vai.export.kafka.AuditTail",
            "dev-kafka", "dev.vai.devbroker.DevKafkaBroker");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            quietLogging();
            // by name, so that neither class (nor Kafka's server classes) loads unless asked for
            Class<?> command;
            try {
                command = Class.forName(SUBCOMMANDS.get(args[0]));
            } catch (ClassNotFoundException e) {
                System.err.println(args[0] + " is in token-app-dev.jar only: this is the production artifact.");
                System.exit(2);
                return;
            }
            command.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Axon 4.12+ phones home at start-up unless told not to; a token service should not.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(TokenServiceApplication.class, args);
    }

    /** A subcommand's output is its own lines; Kafka's clients and server log only warnings next to them. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logging.getLogger("dev.vai").setLevel(Level.INFO);
        }
    }
}
