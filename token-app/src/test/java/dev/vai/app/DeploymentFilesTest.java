package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and docker-compose.yml cannot be run here (no Docker engine), so they are checked for what can be
 * checked: the compose file by docker-compose itself where it is installed, the Dockerfile's sources and output.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theComposeFileIsValidAndDemandsBothSecrets() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (Debian package docker-compose)");
        assertThat(run(withSecrets(), "config", "-q")).isZero();
        assertThat(run(new String[0], "config", "-q")).as("refuses without the secrets").isNotZero();
    }

    private static String[] withSecrets() {
        return new String[] {"VAI_ADMIN_KEY=" + "a".repeat(24), "VAI_SECRET_KEY=" + "s".repeat(32),
            "GF_ADMIN_PASSWORD=" + "g".repeat(16)};
    }

    private static int run(String[] environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VAI_"));
        for (String pair : environment) {
            String[] parts = pair.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        }
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void theStackPublishesOnlyTheServiceBeyondThisMachineAndGrafanaWantsAPassword() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        Matcher ports = Pattern.compile("(?m)^\\s+- \"([^\"]+)\"$").matcher(compose);
        List<String> published = new ArrayList<>();
        while (ports.find()) {
            published.add(ports.group(1));
        }
        assertThat(published).filteredOn(port -> !port.startsWith("127.0.0.1:")).containsExactly("8080:8080");
        assertThat(published).as("the management port, to this machine only").contains("127.0.0.1:9000:9000");
        assertThat(compose).contains("GF_AUTH_ANONYMOUS_ENABLED: \"false\"")
                .contains("GF_SECURITY_ADMIN_PASSWORD: ${GF_ADMIN_PASSWORD:?");
    }

    @Test
    void bothRunTheServiceInProductionModeSaidSo() throws IOException {
        assertThat(Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8))
                .containsPattern("(?m)^ENV VAI_MODE=production");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8))
                .containsPattern("(?m)^\\s+VAI_MODE: production$");
    }

    @Test
    void theDockerfileCopiesPathsThatExistAndRunsTheJarTheBuildProduces() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("COPY ") && !line.startsWith("COPY --from")) {
                String[] parts = line.substring(5).trim().split("\\s+");
                for (int i = 0; i < parts.length - 1; i++) {
                    assertThat(ROOT.resolve(parts[i])).as(line).exists();
                }
            }
        }
        assertThat(String.join("\n", lines)).as("the production artifact")
                .contains("/src/token-app/target/token-app.jar").doesNotContain("token-app-dev.jar");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            assertThat(lines).as("the Dockerfile builds every module").contains("COPY " + module.group(1) + "/ "
                    + module.group(1) + "/");
        }
        assertThat(Files.readString(ROOT.resolve("token-app/pom.xml"))).contains("<finalName>token-app</finalName>");
    }

    /** Prometheus scrapes where production serves the actuator: the management port, not the public one. */
    @Test
    void prometheusScrapesTheManagementPort() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"), StandardCharsets.UTF_8);
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus")
                .contains("targets: [\"access-tokens:9000\"]").doesNotContain(":8080");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8))
                .containsPattern("(?m)^EXPOSE 8080 9000$");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
