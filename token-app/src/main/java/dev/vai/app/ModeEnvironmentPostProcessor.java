package dev.vai.app;

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
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the mode and supplies what it implies, before any bean exists.
 *
 * <ul>
 *   <li><b>Production</b> ({@code VAI_DB_URL} set): PostgreSQL at that URL, Kafka at {@code VAI_KAFKA_BOOTSTRAP};
 *       {@code VAI_DB_USER}, {@code VAI_KAFKA_BOOTSTRAP}, {@code VAI_ADMIN_KEY} and {@code VAI_SECRET_KEY} are
 *       required, and start-up stops naming whichever is missing.</li>
 *   <li><b>Dev</b> (no {@code VAI_DB_URL}): H2 in the data directory ({@code VAI_DATA_DIR}, default {@code ./data});
 *       an admin key and a secret generated once and kept there, owner-readable only, unless given; a Kafka broker
 *       in the process on {@code localhost:VAI_DEV_KAFKA_PORT} (9092), its data in the data directory, unless
 *       {@code VAI_KAFKA_BOOTSTRAP} names one.</li>
 * </ul>
 */
public class ModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** After application.yml and the command line are read; before anything is built. */
    public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 100;

    static final String SOURCE = "vaiMode";
    static final String DEV_SECRETS_FILE = "dev-secrets.properties";
    static final int MIN_SECRET_LENGTH = 32;
    static final int MIN_ADMIN_KEY_LENGTH = 24;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dbUrl = environment.getProperty("vai.db.url");
        Map<String, Object> derived = new LinkedHashMap<>();
        if (dbUrl == null || dbUrl.isBlank()) {
            dev(environment, derived);
        } else {
            production(environment, dbUrl, derived);
        }
        logFormat(environment, derived);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
    }

    /** {@code VAI_LOG_FORMAT}: {@code text} (the default) or {@code json} (Elastic Common Schema, one object a line). */
    private static void logFormat(ConfigurableEnvironment environment, Map<String, Object> derived) {
        String format = environment.getProperty("vai.log-format", "text").trim().toLowerCase();
        switch (format) {
            case "text" -> { }
            case "json" -> derived.put("logging.structured.format.console", "ecs");
            default -> throw new MissingConfiguration("VAI_LOG_FORMAT must be 'text' or 'json', not '" + format + "'.");
        }
    }

    private static void production(ConfigurableEnvironment environment, String dbUrl, Map<String, Object> derived) {
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
        checkSecret(environment.getProperty("vai.secret-key"), "VAI_SECRET_KEY", MIN_SECRET_LENGTH, problems);
        if (!problems.isEmpty()) {
            throw new MissingConfiguration("Production mode (VAI_DB_URL is set) cannot start: "
                    + String.join("; ", problems) + ".");
        }
        derived.put(Mode.PROPERTY, Mode.PRODUCTION.name().toLowerCase());
        derived.put("spring.datasource.url", dbUrl);
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
        derived.put(Mode.PROPERTY, Mode.DEV.name().toLowerCase());
        derived.put("vai.data-dir", dataDir.toString());
        String kafka = environment.getProperty("vai.kafka.bootstrap");
        if (kafka == null || kafka.isBlank()) {
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
                secrets.setProperty("adminKey", randomText(random, 43));
                secrets.setProperty("secretKey", randomText(random, 43));
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

    private static String randomText(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
