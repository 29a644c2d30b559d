package dev.vai.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every meter name and tag key in snake case, as Prometheus names them: Axon names its meters and tags in camel case
 * ({@code eventProcessor.successCounter}, {@code processorName}), which {@code promtool check metrics} rejects; they
 * are scraped as {@code event_processor_success_counter_total{processor_name}}.
 */
@Configuration(proxyBeanMethods = false)
class MetricNames {

    @Bean
    MeterFilter snakeCaseMeterNames() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = snakeCase(id.getName());
                List<Tag> tags = new ArrayList<>();
                boolean changed = !name.equals(id.getName());
                for (Tag tag : id.getTagsAsIterable()) {
                    String key = snakeCase(tag.getKey());
                    changed |= !key.equals(tag.getKey());
                    tags.add(Tag.of(key, tag.getValue()));
                }
                return changed ? id.withName(name).replaceTags(tags) : id;
            }
        };
    }

    /** {@code eventProcessor.allTimer} becomes {@code event_processor.all_timer}: an underscore before each hump. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)))) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
