package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void humpsBecomeUnderscoresAndTheRestIsLeftAlone() {
        assertThat(MetricNames.snakeCase("eventProcessor.successCounter")).isEqualTo("event_processor.success_counter");
        assertThat(MetricNames.snakeCase("processorName")).isEqualTo("processor_name");
        assertThat(MetricNames.snakeCase("vai.tokens.issued")).isEqualTo("vai.tokens.issued");
        assertThat(MetricNames.snakeCase("hikaricp.connections")).isEqualTo("hikaricp.connections");
        assertThat(MetricNames.snakeCase("http2Streams")).isEqualTo("http2_streams");
    }

    @Test
    void aMeterIsRenamedWithItsTagKeysButNotItsTagValues() {
        Meter.Id axon = new Meter.Id("commandBus.successTimer", Tags.of("payloadType", "RevokeAccessToken"), null,
                null, Meter.Type.TIMER);
        Meter.Id renamed = new MetricNames().snakeCaseMeterNames().map(axon);
        assertThat(renamed.getName()).isEqualTo("command_bus.success_timer");
        assertThat(renamed.getTag("payload_type")).isEqualTo("RevokeAccessToken");
        Meter.Id ours = new Meter.Id("vai.tokens.issued", Tags.of("type", "session"), null, null, Meter.Type.COUNTER);
        assertThat(new MetricNames().snakeCaseMeterNames().map(ours)).isSameAs(ours);
    }
}
