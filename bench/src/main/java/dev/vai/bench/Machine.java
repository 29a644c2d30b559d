package dev.vai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the figures were measured on: they are only comparable on the same machine, in the same run. */
final class Machine {

    private Machine() {
    }

    static List<String> describe(Infrastructure infrastructure) {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        lines.add("Memory: " + memTotal());
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        lines.add("Service JVM options: " + String.join(" ", Infrastructure.serviceJvm()) + " ("
                + Infrastructure.MALLOC_ARENAS + ")");
        lines.add("PostgreSQL: " + postgresVersion(infrastructure) + " on loopback; Kafka: the dev jar's dev-kafka"
                + " broker (one KRaft node) in a child process");
        return lines;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String postgresVersion(Infrastructure infrastructure) {
        try (Connection connection = infrastructure.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show server_version")) {
            return result.next() ? result.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
