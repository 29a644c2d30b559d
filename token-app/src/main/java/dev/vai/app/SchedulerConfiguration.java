package dev.vai.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The one owner of the service's periodic work: the database probe, the active-token count, the flush of
 * {@code lastUsedAt}, and the exporter's backlog meter each schedule on this instead of a thread of their own. Four
 * threads, so that one slow task (a count on a large table, a probe waiting for an unreachable database) never holds
 * back the others; daemon threads, cancelled tasks removed at once.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    static final int THREADS = 4;

    @Bean
    TaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(THREADS);
        scheduler.setThreadNamePrefix("vai-scheduled-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }
}
