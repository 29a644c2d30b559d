package dev.vai.bench;

import dev.vai.bench.jmh.HotPaths;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of {@link HotPaths}: one fork, 3 warm-up iterations of one second and 5 measured ones of two
 * seconds each.
 */
final class Jmh {

    private Jmh() {
    }

    static List<Row> run() throws RunnerException {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : new Runner(new OptionsBuilder().include(HotPaths.class.getName()).build()).run()) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            for (String param : result.getParams().getParamsKeys()) {
                name += " (" + param + " = " + result.getParams().getParam(param) + ")";
            }
            rows.add(new Row("JMH (in process): " + name, String.format("%.0f ± %.0f %s",
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit()), "none", "-", "-", null));
        }
        return rows;
    }
}
