package dev.vai.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.ServiceIT;
import dev.vai.export.outbox.AuditOutboxProcessing;
import dev.vai.projection.token.TokenViewProcessing;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guarantees rest on how the two processors run: the read model and the audit outbox are written in the
 * command's own transaction (subscribing), and a failure in either rolls the command back (propagating). A change of
 * mode in {@code application.yml} or of error handler fails here, not in production.
 */
@ServiceIT
class EventProcessorsIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theReadModelAndTheOutboxAreWrittenInTheCommandsTransactionAndFailItWhenTheyFail() {
        for (String group : List.of(TokenViewProcessing.GROUP, AuditOutboxProcessing.GROUP)) {
            EventProcessor processor = processing.eventProcessorByProcessingGroup(group).orElseThrow();
            assertThat(processor).as(group).isInstanceOf(SubscribingEventProcessor.class);
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isSameAs(PropagatingErrorHandler.instance());
        }
        assertThat(processing.eventProcessors()).as("no other processor, tracking or pooled")
                .containsOnlyKeys(TokenViewProcessing.GROUP, AuditOutboxProcessing.GROUP);
    }
}
