package dev.vai.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingConfiguration} into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MissingConfigurationAnalyzer extends AbstractFailureAnalyzer<MissingConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingConfiguration cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the variables named above (see the configuration table in the README). Dev mode, on an embedded"
                        + " database and broker, is VAI_MODE=dev without VAI_DB_URL, or no setting at all.", cause);
    }
}
