package dev.vai.app;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mode the service runs in, decided once, before anything starts, from {@code VAI_MODE}, {@code VAI_DB_URL} and
 * {@code VAI_KAFKA_BOOTSTRAP} ({@link #decide}); the rest of the application receives the plain settings the mode
 * implies and never compares mode names. Forgetting a setting can never make a production instance a dev one: a
 * database or a broker named without {@code VAI_MODE} refuses to start.
 */
public enum Mode {
    DEV("dev"),
    PRODUCTION("production");

    /** Where the decided mode is written, in its wire name, for this module's own conditions. */
    public static final String PROPERTY = "vai.mode";

    private static final Set<String> LOOPBACK = Set.of("localhost", "::1", "[::1]");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The mode the start decided, from what {@link ModeEnvironmentPostProcessor} wrote to {@link #PROPERTY}. */
    static Mode decided(String property) {
        for (Mode mode : values()) {
            if (mode.wireName.equals(property)) {
                return mode;
            }
        }
        throw new IllegalStateException("No mode was decided before start-up");
    }

    /**
     * The mode for these settings as given (null: not set); refuses, naming what to set, when they do not say one
     * mode clearly. Parsed without the default locale: on a Turkish JVM {@code "PRODUCTION".toLowerCase()} is
     * {@code "productıon"}.
     */
    static Mode decide(String mode, String dbUrl, String kafkaBootstrap) {
        if (dbUrl != null && dbUrl.isBlank()) {
            throw new MissingConfiguration("VAI_DB_URL is set but blank: give PostgreSQL's JDBC URL (with"
                    + " VAI_MODE=production), or unset it for dev mode.");
        }
        if (mode == null) {
            if (dbUrl == null && kafkaBootstrap == null) {
                return DEV;
            }
            throw new MissingConfiguration((dbUrl != null ? "VAI_DB_URL" : "VAI_KAFKA_BOOTSTRAP")
                    + " is set but VAI_MODE is not: set VAI_MODE=production to run in production, or VAI_MODE=dev to"
                    + " use dev mode with a broker on this machine.");
        }
        Mode chosen = parse(mode);
        if (chosen == PRODUCTION && dbUrl == null) {
            throw new MissingConfiguration("VAI_MODE=production needs VAI_DB_URL, PostgreSQL's JDBC URL.");
        }
        if (chosen == DEV && dbUrl != null) {
            throw new MissingConfiguration("VAI_MODE=dev runs on its own embedded database: unset VAI_DB_URL, or set"
                    + " VAI_MODE=production.");
        }
        if (chosen == DEV && kafkaBootstrap != null && !isLoopback(kafkaBootstrap)) {
            throw new MissingConfiguration("VAI_MODE=dev uses only a Kafka broker on this machine (localhost,"
                    + " 127.0.0.1 or ::1), and VAI_KAFKA_BOOTSTRAP names another: a dev instance must never write into"
                    + " a production audit topic. Set VAI_MODE=production, or point VAI_KAFKA_BOOTSTRAP at a local"
                    + " broker.");
        }
        return chosen;
    }

    private static Mode parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new MissingConfiguration("VAI_MODE must be 'dev' or 'production'.");
    }

    /** Every bootstrap server is on this machine, by name or address (no name is resolved). */
    static boolean isLoopback(String bootstrap) {
        if (bootstrap.isBlank()) {
            return false;
        }
        for (String server : bootstrap.split(",")) {
            String host = server.strip();
            int colon = host.lastIndexOf(':');
            if (host.startsWith("[")) {
                host = host.substring(0, host.indexOf(']') + 1);
            } else if (colon > 0 && host.indexOf(':') == colon) {
                host = host.substring(0, colon);
            }
            String lower = host.toLowerCase(Locale.ROOT);
            if (!LOOPBACK.contains(lower) && !IPV4_LOOPBACK.matcher(lower).matches()) {
                return false;
            }
        }
        return true;
    }
}
