package dev.vai.app;

import dev.vai.api.web.ApiSettings;
import dev.vai.token.secret.Base62;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Decides the mode ({@link Mode#decide}) and supplies what it implies, before any bean exists.
 *
 * <ul>
 *   <li><b>Production</b> ({@code VAI_MODE=production}): PostgreSQL at {@code VAI_DB_URL}, Kafka at
 *       {@code VAI_KAFKA_BOOTSTRAP}; {@code VAI_DB_USER}, {@code VAI_KAFKA_BOOTSTRAP}, {@code VAI_ADMIN_KEY} and
 *       {@code VAI_SECRET_KEY} are required, and start-up stops naming whichever is missing. Every interface; the
 *       internal API and the actuator on the management port only ({@code VAI_MANAGEMENT_PORT}, 9000).</li>
 *   <li><b>Dev</b> ({@code VAI_MODE=dev}, or nothing set; {@code token-app-dev.jar} only, the production jar refuses
 *       and names it): H2 in the data directory ({@code VAI_DATA_DIR}, default
 *       {@code ./data}); an admin key and a secret generated once and kept there, owner-readable only, unless given; a
 *       Kafka broker in the process on {@code localhost:VAI_DEV_KAFKA_PORT} (9092), its data in the data directory,
 *       unless {@code VAI_KAFKA_BOOTSTRAP} names one on this machine. 127.0.0.1 only, unless
 *       {@code VAI_BIND_ADDRESS} says otherwise; one port for everything unless {@code VAI_MANAGEMENT_PORT} is
 *       set.</li>
 * </ul>
 *
 * The other modules get plain settings ({@code vai.audit.drain-lease}, {@code server.address},
 * {@code vai.management-port}), never the mode.
 */
public class ModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** After application.yml and the command line are read; before anything is built. */
    public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 100;

    static final String SOURCE = "vaiMode";
    static final String DEV_SECRETS_FILE = "dev-secrets.properties";
    static final int MIN_SECRET_LENGTH = ApiSettings.MIN_SECRET_LENGTH;
    static final int MIN_ADMIN_KEY_LENGTH = ApiSettings.MIN_ADMIN_KEY_LENGTH;
    static final String DEV_BIND_ADDRESS = "127.0.0.1";
    static final int DEFAULT_MANAGEMENT_PORT = 9000;
    /** Only the dev artifact (token-app-dev.jar) carries H2 and the dev broker; token-app.jar runs production only. */
    static final String H2_DRIVER = "org.h2.Driver";
    static final String DEV_BROKER = "dev.vai.devbroker.DevKafkaBroker";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Mode mode = Mode.decide(environment.getProperty("vai.mode"), environment.getProperty("vai.db.url"),
                environment.getProperty("vai.kafka.bootstrap"));
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put(Mode.PROPERTY, mode.wireName());
        if (mode == Mode.PRODUCTION) {
            production(environment, derived);
        } else {
            dev(environment, derived);
        }
        bindAddress(environment, mode, derived);
        managementPort(environment, mode, derived);
        logFormat(environment, derived);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
    }

    /** {@code VAI_BIND_ADDRESS}; without it, dev mode listens on 127.0.0.1 only and production on every interface. */
    private static void bindAddress(ConfigurableEnvironment environment, Mode mode, Map<String, Object> derived) {
        String address = environment.getProperty("vai.bind-address");
        if (address != null && !address.isBlank()) {
            derived.put("server.address", address.strip());
        } else if (mode == Mode.DEV) {
            putIfUnset(environment, derived, "server.address", DEV_BIND_ADDRESS);
        }
    }

    /**
     * {@code VAI_MANAGEMENT_PORT}: where {@code /internal} and {@code /actuator} are served, alone. Production always
     * has one ({@value #DEFAULT_MANAGEMENT_PORT} unless given); dev mode keeps one port for everything unless given.
     * {@code 0} picks a free port.
     */
    private static void managementPort(ConfigurableEnvironment environment, Mode mode, Map<String, Object> derived) {
        String given = environment.getProperty("vai.management-port");
        if (given == null || given.isBlank()) {
            if (mode == Mode.PRODUCTION) {
                derived.put("vai.management-port", String.valueOf(DEFAULT_MANAGEMENT_PORT));
            }
            return;
        }
        int port = port(given.strip(), "VAI_MANAGEMENT_PORT");
        String service = environment.getProperty("server.port", "8080").strip();
        if (port != 0 && String.valueOf(port).equals(service)) {
            throw new MissingConfiguration("VAI_MANAGEMENT_PORT (" + port + ") must differ from the service's port.");
        }
        derived.put("vai.management-port", String.valueOf(port));
    }

    private static int port(String value, String name) {
        if (value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int port = Integer.parseInt(value);
            if (port <= 65535) {
                return port;
            }
        }
        throw new MissingConfiguration(name + " must be a port number from 0 to 65535 (0: any free port).");
    }

    /** {@code VAI_LOG_FORMAT}: {@code text} (the default) or {@code json} (Elastic Common Schema, one object a line). */
    private static void logFormat(ConfigurableEnvironment environment, Map<String, Object> derived) {
        String format = environment.getProperty("vai.log-format", "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> { }
            case "json" -> derived.put("logging.structured.format.console", "ecs");
            default -> throw new MissingConfiguration("VAI_LOG_FORMAT must be 'text' or 'json'.");
        }
    }

    private static void production(ConfigurableEnvironment environment, Map<String, Object> derived) {
        List<String> problems = new ArrayList<>();
        String user = environment.getProperty("vai.db.user");
        if (user == null || user.isBlank()) {
            problems.add("VAI_DB_USER is not set");
        }
        String kafka = environment.getProperty("vai.kafka.bootstrap");
        if (kafka == null || kafka.isBlank()) {
            problems.add("VAI_KAFKA_BOOTSTRAP is not set");
        }
        checkSecret(environment.getProperty("vai.admin-key"), "VAI_ADMIN_KEY", MIN_ADMIN_KEY_LENGTH, problems);
        String previous = environment.getProperty("vai.admin-key-previous");
        if (previous != null && !previous.isEmpty()) {
            checkSecret(previous, "VAI_ADMIN_KEY_PREVIOUS", MIN_ADMIN_KEY_LENGTH, problems);
        }
        checkSecret(environment.getProperty("vai.secret-key"), "VAI_SECRET_KEY", MIN_SECRET_LENGTH, problems);
        if (!problems.isEmpty()) {
            throw new MissingConfiguration("Production mode (VAI_MODE=production) cannot start: "
                    + String.join("; ", problems) + ".");
        }
        // several instances share the database: one drains the outbox at a time, by PostgreSQL advisory lock
        derived.put("vai.audit.drain-lease", "advisory-lock");
        derived.put("spring.datasource.url", environment.getProperty("vai.db.url"));
        derived.put("spring.datasource.username", user);
        derived.put("spring.datasource.password", environment.getProperty("vai.db.password", ""));
    }

    private static void checkSecret(String value, String name, int minLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
        } else if (value.length() < minLength) {
            problems.add(name + " must have at least " + minLength + " characters");
        }
    }

    private static void dev(ConfigurableEnvironment environment, Map<String, Object> derived) {
        String kafka = environment.getProperty("vai.kafka.bootstrap");
        boolean embeddedBroker = kafka == null || kafka.isBlank();
        if (!isPresent(H2_DRIVER) || (embeddedBroker && !isPresent(DEV_BROKER))) {
            throw new MissingConfiguration("Dev mode needs the dev artifact: this is token-app.jar, the production"
                    + " artifact, which carries no embedded database or Kafka broker. Run token-app-dev.jar for dev"
                    + " mode, or set VAI_MODE=production with VAI_DB_URL and VAI_KAFKA_BOOTSTRAP.");
        }
        Path dataDir = Path.of(environment.getProperty("vai.data-dir", "./data")).toAbsolutePath().normalize();
        createPrivateDirectory(dataDir);
        Properties secrets = loadOrCreateSecrets(dataDir.resolve(DEV_SECRETS_FILE));
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("vai.admin-key") == null) {
            derived.put("vai.admin-key", secrets.getProperty("adminKey"));
            derived.put("vai.dev.admin-key-generated", "true");
        } else {
            checkSecret(environment.getProperty("vai.admin-key"), "VAI_ADMIN_KEY", MIN_ADMIN_KEY_LENGTH, problems);
        }
        if (environment.getProperty("vai.secret-key") == null) {
            derived.put("vai.secret-key", secrets.getProperty("secretKey"));
        } else {
            checkSecret(environment.getProperty("vai.secret-key"), "VAI_SECRET_KEY", MIN_SECRET_LENGTH, problems);
        }
        if (!problems.isEmpty()) {
            throw new MissingConfiguration("Dev mode cannot start: " + String.join("; ", problems) + ".");
        }
        // one instance on its own H2 file: it drains the outbox alone
        derived.put("vai.audit.drain-lease", "in-process");
        derived.put("vai.data-dir", dataDir.toString());
        if (embeddedBroker) {
            String port = environment.getProperty("vai.dev-kafka-port", "9092");
            derived.put("vai.dev.kafka-broker", "true");
            derived.put("vai.dev.kafka-port", port);
            derived.put("vai.kafka.bootstrap", "localhost:" + port);
            // a one-node broker: the topic is ours to create, with one replica
            putIfUnset(environment, derived, "vai.audit.create-topic", "true");
            putIfUnset(environment, derived, "vai.audit.topic-partitions", "3");
            putIfUnset(environment, derived, "vai.audit.topic-replication-factor", "1");
        }
        derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("vai") + ";DB_CLOSE_ON_EXIT=FALSE");
        derived.put("spring.datasource.username", "sa");
        derived.put("spring.datasource.password", "");
    }

    /** Whether the jar carries this class; looked up by name, so that nothing of it loads. */
    private static boolean isPresent(String className) {
        return ClassUtils.isPresent(className, ModeEnvironmentPostProcessor.class.getClassLoader());
    }

    private static void putIfUnset(ConfigurableEnvironment environment, Map<String, Object> derived, String name,
            String value) {
        if (environment.getProperty(name) == null) {
            derived.put(name, value);
        }
    }

    static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (isPosix()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new MissingConfiguration("Dev mode cannot create its data directory " + dir + " (VAI_DATA_DIR): " + e);
        }
    }

    private static Properties loadOrCreateSecrets(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    secrets.load(reader);
                }
            }
            if (secrets.getProperty("adminKey") == null || secrets.getProperty("secretKey") == null) {
                SecureRandom random = new SecureRandom();
                secrets.setProperty("adminKey", Base62.random(random, 43));
                secrets.setProperty("secretKey", Base62.random(random, 43));
                writePrivately(file, writer -> secrets.store(writer,
                        "Dev mode's generated admin key and server secret. Keep private; delete to regenerate"
                                + " (tokens issued so far then stop working)."));
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    interface WriterAction {
        void write(Writer writer) throws IOException;
    }

    /** Writes a file that only its owner can read: created with those permissions, replaced atomically. */
    static void writePrivately(Path file, WriterAction action) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (isPosix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            action.write(writer);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
