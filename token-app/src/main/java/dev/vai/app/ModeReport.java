package dev.vai.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says which mode runs: {@code vai_mode{mode}} (1, for the decided mode), which the alert {@code VaiInstanceInDevMode}
 * watches, and in dev mode one WARN line at start, so that a dev instance is never mistaken for a production one.
 */
@Component
class ModeReport {

    private static final Logger log = LoggerFactory.getLogger(ModeReport.class);

    private final Mode mode;

    ModeReport(Environment environment, MeterRegistry registry) {
        this.mode = Mode.decided(environment.getProperty(Mode.PROPERTY));
        Gauge.builder("vai.mode", () -> 1)
                .description("The mode this instance runs in (1 for the mode in the label)")
                .tag("mode", mode.wireName())
                .register(registry);
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (mode == Mode.DEV) {
            Environment environment = event.getApplicationContext().getEnvironment();
            log.warn("Dev mode: an embedded database and Kafka broker, listening on {}:{} only; not for production"
                            + " (VAI_MODE=production)", environment.getProperty("server.address", "every interface"),
                    environment.getProperty("local.server.port"));
        }
    }
}
