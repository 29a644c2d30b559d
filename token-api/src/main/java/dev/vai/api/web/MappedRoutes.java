package dev.vai.api.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every path pattern the controllers map, read from Spring MVC's handler mapping on first use (once the mappings
 * exist): for what answers a request before or without dispatch, so that no route is written down twice.
 */
@Component
public class MappedRoutes {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> routes;

    MappedRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    public List<PathPattern> all() {
        List<PathPattern> known = routes;
        if (known == null) {
            known = mappings.getObject().getHandlerMethods().keySet().stream()
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                    .distinct()
                    .toList();
            routes = known;
        }
        return known;
    }
}
