package dev.vai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

    @Test
    void aRewrittenResultsFileKeepsItsHandWrittenPart(@TempDir Path directory) throws Exception {
        Path results = directory.resolve("RESULTS.md");
        assertThat(Bench.keptNotes(results)).isEmpty();

        Files.writeString(results, "# Benchmark results\n\n| old table |\n\n" + Bench.NOTES_MARKER
                + "\n\n## Profiling\n\nbefore and after\n");
        assertThat(Bench.keptNotes(results)).isEqualTo("\n" + Bench.NOTES_MARKER + "\n\n## Profiling\n\nbefore and after\n")
                .doesNotContain("old table");

        Files.writeString(results, "# Benchmark results\n\n| a table without notes |\n");
        assertThat(Bench.keptNotes(results)).isEmpty();
    }

    @Test
    void theImageRunsTheServiceWithTheOptionsTheSuiteMeasures() throws Exception {
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
        assertThat(dockerfile).contains("JAVA_TOOL_OPTIONS=\"" + String.join(" ", Infrastructure.SERVICE_JVM) + " ")
                .contains(Infrastructure.MALLOC_ARENAS.toString());
    }
}
