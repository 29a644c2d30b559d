package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.AppProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ships: {@code token-app.jar}, the artifact the Dockerfile runs, carries no Kafka broker, ZooKeeper, Scala or H2
 * class, found by listing every class of every library nested in it; {@code token-app-dev.jar}, the README's first
 * command, carries dev mode's. The production jar asked for dev mode says which jar to run instead.
 */
class ShippedArtifactIT {

    /** Packages of classes that only dev mode runs: the broker (Scala and Java), ZooKeeper, Scala, H2, ours. */
    private static final List<String> DEV_ONLY = List.of("kafka/", "scala/", "org/apache/zookeeper/", "org/h2/",
            "dev/vai/devbroker/");
    /** Kafka's classes the clients jar ships (the broker's are elsewhere under org/apache/kafka/). */
    private static final List<String> KAFKA_CLIENT = List.of("org/apache/kafka/clients/", "org/apache/kafka/common/",
            "org/apache/kafka/shaded/", "org/apache/kafka/server/authorizer/", "org/apache/kafka/server/policy/",
            "org/apache/kafka/server/quota/", "org/apache/kafka/server/telemetry/");

    /** Libraries with advisories, and the version each was fixed in (README, Dependencies). */
    private static final Map<String, String> ADVISORY_FLOORS = Map.of(
            "kafka-clients", "3.9.2",
            "lz4-java", "1.11.4",
            "zstd-jni", "1.5.7-14",
            "snappy-java", "1.1.10.4",
            "xstream", "1.4.21",
            "postgresql", "42.7.12",
            "logback-core", "1.5.37",
            "jackson-databind", "2.21.5");

    @TempDir
    Path workDir;

    @Test
    void neitherJarCarriesALibraryBelowTheVersionItsAdvisoriesWereFixedIn() throws IOException {
        for (Path jar : List.of(AppProcess.JAR, AppProcess.DEV_JAR)) {
            List<String> libraries = libraries(jar);
            ADVISORY_FLOORS.forEach((artifact, floor) -> {
                List<String> versions = libraries.stream()
                        .filter(name -> name.startsWith(artifact + "-") && Character.isDigit(
                                name.charAt(artifact.length() + 1)))
                        .map(name -> name.substring(artifact.length() + 1, name.length() - ".jar".length()))
                        .toList();
                assertThat(versions).as(jar + ": " + artifact).isNotEmpty()
                        .allSatisfy(version -> assertThat(compareVersions(version, floor))
                                .as(jar + ": " + artifact + " " + version + " is below " + floor).isNotNegative());
            });
        }
        assertThat(compareVersions("1.5.6-10", "1.5.7-14")).isNegative();
        assertThat(compareVersions("1.10.2", "1.11.4")).isNegative();
        assertThat(compareVersions("4.3.1", "3.9.2")).isPositive();
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }
    }

    /** Dotted and dashed numbers compared part by part ("1.5.7-17" after "1.5.7-14"); a qualifier counts as 0. */
    private static int compareVersions(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int x = i < left.length && left[i].matches("\\d+") ? Integer.parseInt(left[i]) : 0;
            int y = i < right.length && right[i].matches("\\d+") ? Integer.parseInt(right[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    @Test
    void theProductionJarCarriesNoBrokerZooKeeperScalaOrH2Class() throws IOException {
        TreeSet<String> classes = classes(AppProcess.JAR);
        assertThat(classes).as("the jar is read").contains("dev/vai/app/Mode.class")
                .contains("org/apache/kafka/clients/producer/KafkaProducer.class")
                .contains("org/postgresql/Driver.class");
        assertThat(classes).filteredOn(name -> DEV_ONLY.stream().anyMatch(name::startsWith)).isEmpty();
        assertThat(classes).filteredOn(name -> name.startsWith("org/apache/kafka/"))
                .allMatch(name -> KAFKA_CLIENT.stream().anyMatch(name::startsWith));
        assertThat(startClass(AppProcess.JAR)).isEqualTo(TokenServiceApplication.class.getName());
    }

    @Test
    void theDevJarCarriesDevModesBrokerAndDatabase() throws IOException {
        TreeSet<String> classes = classes(AppProcess.DEV_JAR);
        assertThat(classes).contains("dev/vai/devbroker/DevKafkaBroker.class", "kafka/server/KafkaRaftServer.class",
                "org/apache/kafka/raft/KafkaRaftClient.class", "org/h2/Driver.class", "scala/Option.class");
        // made from the plain jar, not from a repackaged one (whose launcher would start a launcher)
        assertThat(startClass(AppProcess.DEV_JAR)).isEqualTo(TokenServiceApplication.class.getName());
    }

    private static String startClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Start-Class");
        }
    }

    @Test
    void theProductionJarAskedForDevModeNamesTheDevJar() {
        try (AppProcess app = AppProcess.start(workDir, Map.of("VAI_DATA_DIR", workDir.resolve("data").toString()))) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.log()).isNotZero();
            assertThat(app.log()).contains("APPLICATION FAILED TO START")
                    .contains("Dev mode needs the dev artifact").contains("Run token-app-dev.jar")
                    .doesNotContain("\tat ");
        }
        assertThat(workDir.resolve("data")).as("nothing is created").doesNotExist();
    }

    @Test
    void theProductionJarHasNoDevBrokerSubcommand() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process broker = new ProcessBuilder(java, "-jar", AppProcess.JAR.toAbsolutePath().toString(), "dev-kafka",
                "--port", "1").redirectErrorStream(true).start();
        String output = new String(broker.getInputStream().readAllBytes());
        assertThat(broker.waitFor()).as(output).isEqualTo(2);
        assertThat(output).contains("dev-kafka is in token-app-dev.jar only").doesNotContain("\tat ");
    }

    /** Every class entry of the jar and of every jar nested in {@code BOOT-INF/lib}. */
    private static TreeSet<String> classes(Path jar) throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    try (InputStream nested = file.getInputStream(entry);
                            ZipInputStream zip = new ZipInputStream(nested)) {
                        for (ZipEntry inner = zip.getNextEntry(); inner != null; inner = zip.getNextEntry()) {
                            if (inner.getName().endsWith(".class")) {
                                classes.add(stripVersion(inner.getName()));
                            }
                        }
                    }
                } else if (name.startsWith("BOOT-INF/classes/") && name.endsWith(".class")) {
                    classes.add(name.substring("BOOT-INF/classes/".length()));
                }
            }
        }
        return classes;
    }

    /** A multi-release jar's {@code META-INF/versions/N/} prefix taken off, so that its classes count as any other. */
    private static String stripVersion(String name) {
        if (name.startsWith("META-INF/versions/")) {
            int slash = name.indexOf('/', "META-INF/versions/".length());
            return name.substring(slash + 1);
        }
        return name;
    }
}
