package dev.vai.api.logging;

import dev.vai.api.web.FilterChainOrder;
import dev.vai.api.web.MappedRoutes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request log's wiring. */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    /** Right after the request context, around everything else, so that it sees every answer. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilterRegistration(MappedRoutes routes) {
        return FilterChainOrder.REQUEST_LOG.register(new RequestLogFilter(routes));
    }
}
