package dev.vai.api.logging;

import dev.vai.api.web.MappedRoutes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request log's wiring. */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    /** Right after the request context (order 10), around everything else, so that it sees every answer. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilterRegistration(MappedRoutes routes) {
        FilterRegistrationBean<RequestLogFilter> registration =
                new FilterRegistrationBean<>(new RequestLogFilter(routes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
