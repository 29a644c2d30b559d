package dev.vai.api.web;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The port split, when {@code vai.management-port} is set (production always; dev mode only when asked): the
 * management connector, the filter that keeps each port to its own paths, and one OpenAPI group per port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("vai.management-port")
class ManagementPortConfiguration {

    @Bean
    ManagementConnector managementConnector(@Value("${vai.management-port}") int port) {
        return new ManagementConnector(port);
    }

    /** After the request context and log filters (the 404 is logged with its request id), before authentication. */
    @Bean
    FilterRegistrationBean<PortSplitFilter> portSplitFilterRegistration(ManagementConnector connector,
            ErrorBodies errors) {
        return FilterChainOrder.PORT_SPLIT.register(new PortSplitFilter(connector, errors));
    }

    @Bean
    GroupedOpenApi publicPortApi() {
        return GroupedOpenApi.builder().group(PortSplitFilter.PUBLIC_GROUP).pathsToMatch("/api/**").build();
    }

    @Bean
    GroupedOpenApi managementPortApi() {
        return GroupedOpenApi.builder().group(PortSplitFilter.MANAGEMENT_GROUP).pathsToMatch("/internal/**").build();
    }
}
