package dev.vai.export;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.dao.DataAccessException;

/**
 * Why exporting failed, in words that do not change with the failure's details: what the health endpoint and the
 * replay's status show. An exception's message can carry a broker's address, a SQL statement or a value; this says
 * which of a few known causes it was and the exception's class, never its message (the service's log has that).
 */
public final class ExportFailure {

    /** Known causes, the more specific first. */
    private static final Map<Class<? extends Throwable>, String> KNOWN = known();

    private ExportFailure() {
    }

    /** A stable, secret-free summary of {@code failure}: the first known cause along its chain, and its class. */
    public static String summary(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable e = failure; e != null && seen.add(e); e = e.getCause()) {
            for (Map.Entry<Class<? extends Throwable>, String> kind : KNOWN.entrySet()) {
                if (kind.getKey().isInstance(e)) {
                    return kind.getValue() + " (" + e.getClass().getSimpleName() + ")";
                }
            }
        }
        return "Unexpected failure (" + (failure == null ? "unknown" : failure.getClass().getSimpleName())
                + "); see the service's log";
    }

    private static Map<Class<? extends Throwable>, String> known() {
        Map<Class<? extends Throwable>, String> kinds = new LinkedHashMap<>();
        kinds.put(AuthenticationException.class, "The Kafka broker refused the service's credentials");
        kinds.put(AuthorizationException.class, "The Kafka broker denied access to the audit topic");
        kinds.put(UnknownTopicOrPartitionException.class,
                "The audit topic does not exist (create it, or set VAI_AUDIT_CREATE_TOPIC)");
        kinds.put(RecordTooLargeException.class, "A record is larger than the broker accepts");
        kinds.put(RecordBatchTooLargeException.class, "A batch is larger than the broker accepts");
        kinds.put(TimeoutException.class, "The Kafka broker did not answer in time");
        kinds.put(NetworkException.class, "The connection to the Kafka broker failed");
        kinds.put(DataAccessException.class, "The database failed or could not be reached");
        kinds.put(SQLException.class, "The database failed or could not be reached");
        return Collections.unmodifiableMap(kinds);
    }
}
