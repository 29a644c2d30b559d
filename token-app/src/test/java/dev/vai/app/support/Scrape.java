package dev.vai.app.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One scrape of {@code /actuator/prometheus}: every series with its value, and the metric names. */
public final class Scrape {

    private final String text;
    private final Map<String, Double> series = new HashMap<>();
    private final Set<String> names = new HashSet<>();

    private Scrape(String text) {
        this.text = text;
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            series.put(key, Double.parseDouble(line.substring(space + 1)));
            int brace = key.indexOf('{');
            names.add(brace < 0 ? key : key.substring(0, brace));
        }
    }

    public static Scrape of(Api api) {
        Api.Response response = api.get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new AssertionError("Scrape failed: " + response);
        }
        return new Scrape(response.body());
    }

    public String text() {
        return text;
    }

    public Set<String> names() {
        return names;
    }

    /** The sum of every series of {@code name} whose labels include all of {@code labels} ({@code k="v"} pairs). */
    public double sum(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            if (!key.equals(name) && !key.startsWith(name + "{")) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= key.contains(label);
            }
            if (matches) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    public boolean has(String name, String... labels) {
        return series.keySet().stream().anyMatch(key -> (key.equals(name) || key.startsWith(name + "{"))
                && Arrays.stream(labels).allMatch(key::contains));
    }
}
