package dev.vai.app;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service has started, its console log (text or JSON, as Spring Boot configured it) is written by a
 * background thread: the request thread only queues the event. Writing one line per request synchronously cost
 * about a tenth of an authenticated read's CPU (bench/RESULTS.md). Nothing is ever discarded: when the queue is full
 * the request waits. Lines still queued when the process is killed with SIGKILL are lost (the audit stream, not the
 * log, is the durable record); a normal shutdown writes them out.
 */
@Component
class AsyncConsoleLogging {

    static final String CONSOLE = "CONSOLE";
    static final int QUEUE = 8192;

    @EventListener
    void onStarted(ApplicationStartedEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
        if (console == null) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC_" + CONSOLE);
        async.setQueueSize(QUEUE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(5_000);
        async.addAppender(console);
        async.start();
        root.addAppender(async);
        root.detachAppender(console);
    }
}
