package dev.vai.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** What an operator sees of a failed export: the cause in stable words and a class name, never the message. */
class ExportFailureTest {

    private static final String SECRET = "sasl.jaas.config password=hunter2 at kafka-7.internal:9093";

    @Test
    void aKnownCauseAnywhereInTheChainIsNamedWithoutItsMessage() {
        assertThat(ExportFailure.summary(new ExecutionException(new TimeoutException("Expiring 12 record(s) for "
                + SECRET)))).isEqualTo("The Kafka broker did not answer in time (TimeoutException)");
        assertThat(ExportFailure.summary(new SaslAuthenticationException(SECRET)))
                .isEqualTo("The Kafka broker refused the service's credentials (SaslAuthenticationException)");
        assertThat(ExportFailure.summary(new TopicAuthorizationException(SECRET)))
                .startsWith("The Kafka broker denied access to the audit topic");
        assertThat(ExportFailure.summary(new RuntimeException(SECRET, new UnknownTopicOrPartitionException(SECRET))))
                .contains("VAI_AUDIT_CREATE_TOPIC");
        assertThat(ExportFailure.summary(new DataAccessResourceFailureException(SECRET, new SQLException(SECRET))))
                .isEqualTo("The database failed or could not be reached (DataAccessResourceFailureException)");
    }

    @Test
    void anythingElseIsNamedByItsClassAndNeverByItsMessage() {
        String summary = ExportFailure.summary(new IllegalStateException(SECRET, new RuntimeException(SECRET)));
        assertThat(summary).isEqualTo("Unexpected failure (IllegalStateException); see the service's log");
        assertThat(summary).doesNotContain("hunter2").doesNotContain("kafka-7");
    }

    @Test
    void aCauseChainWithALoopEnds() {
        RuntimeException a = new RuntimeException(SECRET);
        RuntimeException b = new RuntimeException(SECRET, a);
        a.initCause(b);
        assertThat(ExportFailure.summary(a)).startsWith("Unexpected failure (RuntimeException)");
    }
}
