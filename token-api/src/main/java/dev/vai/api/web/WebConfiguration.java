package dev.vai.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.token.RequestContext;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web layer's own wiring: the client address, the request context and its argument, container errors as JSON. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    ClientAddress clientAddress(ApiSettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    /** First of all: the request id and client address every later step logs and records. */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterRegistration(ClientAddress clientAddress) {
        return FilterChainOrder.REQUEST_CONTEXT.register(new RequestContextFilter(clientAddress));
    }

    /** Errors Tomcat answers on its own get the API's JSON shape too (see {@link ContainerErrorValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsJson(MappedRoutes routes,
            ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class only if its pipeline has none: it keeps ours, built with routes
                host.getPipeline().addValve(new ContainerErrorValve(routes, json));
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(RequestArgumentResolver.of(RequestContext.class, RequestContextFilter::of));
    }
}
