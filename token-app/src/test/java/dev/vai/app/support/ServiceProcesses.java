package dev.vai.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Owns what a fault or soak test of the shipped jar starts, and stops all of it after the class: a PostgreSQL database
 * of the class's own ({@link TestPostgres#newDatabase()}), a Kafka broker in a child process that the test may kill
 * and restart on its data, and production-mode instances of the service in child processes. Register it on a static
 * field: {@code @RegisterExtension static final ServiceProcesses services = new ServiceProcesses();}.
 *
 * <p>The tests that run in the service's own JVM ({@link ServiceIT}) need none of this: Spring's test support starts
 * the application, on the shared database and broker that {@link TestServicesEnvironmentPostProcessor} points it at.
 */
public final class ServiceProcesses implements BeforeAllCallback, AfterAllCallback {

    private static final Duration BROKER_START = Duration.ofSeconds(60);
    private static final Duration SERVICE_START = Duration.ofSeconds(180);

    private final List<AppProcess> started = new ArrayList<>();
    private Path workDir;
    private TestPostgres.Database database;
    private int brokerPort;
    private AppProcess broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        workDir = Files.createTempDirectory("vai-" + context.getRequiredTestClass().getSimpleName() + "-");
        database = TestPostgres.newDatabase();
        brokerPort = TestKafka.freePortPair();
        startBroker();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (started) {
            started.forEach(AppProcess::close);
            started.clear();
        }
        if (broker != null) {
            broker.close();
        }
        deleteQuietly(workDir);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** Where the processes run and write their logs. */
    public Path workDir() {
        return workDir;
    }

    public TestPostgres.Database database() {
        return database;
    }

    public String kafkaBootstrap() {
        return "localhost:" + brokerPort;
    }

    /** Starts the broker on its data (again, after {@link #killBroker()}) and waits until it is ready. */
    public void startBroker() {
        broker = AppProcess.broker(workDir, workDir.resolve("kafka"), brokerPort);
        broker.awaitLog("dev-kafka ready on", BROKER_START);
    }

    /** SIGKILL to the broker: no clean shutdown. */
    public void killBroker() {
        broker.kill();
    }

    /** The settings of an instance on this database (at {@code databaseUrl}, its own or a proxy's) and broker. */
    public Map<String, String> environment(String databaseUrl) {
        return AppProcess.production(databaseUrl, database, kafkaBootstrap());
    }

    /** An instance on this database and broker, started and ready. */
    public AppProcess service() {
        return service(environment(database.url()));
    }

    /** An instance with {@code environment} (see {@link #environment(String)}), started and ready. */
    public AppProcess service(Map<String, String> environment) {
        return services(1, environment).get(0);
    }

    /** {@code count} instances with {@code environment}, started side by side, each ready. */
    public List<AppProcess> services(int count, Map<String, String> environment) {
        List<AppProcess> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AppProcess service = AppProcess.start(workDir, environment);
            synchronized (started) {
                started.add(service);
            }
            instances.add(service);
        }
        instances.forEach(service -> service.awaitLog("Started TokenServiceApplication", SERVICE_START));
        return instances;
    }
}
