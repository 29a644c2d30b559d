package dev.vai.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.auth.AdminKeyFilter;
import dev.vai.api.auth.AuthenticationFilter;
import dev.vai.api.auth.AuthenticationMetrics;
import dev.vai.api.auth.Authenticator;
import dev.vai.api.auth.CallerArgumentResolver;
import dev.vai.api.auth.FailureThrottle;
import dev.vai.api.logging.RequestLogFilter;
import dev.vai.api.tokens.CursorCodec;
import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.ClientAddress;
import dev.vai.api.web.ContainerErrorValve;
import dev.vai.api.web.ErrorBodies;
import dev.vai.api.web.Keys;
import dev.vai.api.web.MappedRoutes;
import dev.vai.api.web.RequestContextArgumentResolver;
import dev.vai.api.web.RequestContextFilter;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.secret.TokenHasher;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiConfiguration implements WebMvcConfigurer {

    static final int MIN_SECRET_LENGTH = 32;
    static final int MIN_ADMIN_KEY_LENGTH = 24;

    @Bean
    TokenHasher tokenHasher(ApiSettings settings) {
        return new TokenHasher(Keys.derive(secretKey(settings), "token-hash"));
    }

    @Bean
    CursorCodec cursorCodec(ApiSettings settings) {
        return new CursorCodec(Keys.derive(secretKey(settings), "cursor"));
    }

    @Bean
    ScopeCatalog scopeCatalog(ApiSettings settings) {
        return settings.scopeCatalog();
    }


    @Bean
    ClientAddress clientAddress(ApiSettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    @Bean
    FailureThrottle failureThrottle(ApiSettings settings, Clock clock) {
        return new FailureThrottle(settings.authFailureLimit(), clock);
    }

    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterRegistration(ClientAddress clientAddress) {
        FilterRegistrationBean<RequestContextFilter> registration =
                new FilterRegistrationBean<>(new RequestContextFilter(clientAddress));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilterRegistration(MappedRoutes routes) {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter(routes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilterRegistration(Authenticator authenticator,
            AuthenticationMetrics metrics, FailureThrottle throttle, ApiSettings settings, ClientAddress clientAddress,
            ErrorBodies errors) {
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(
                new AuthenticationFilter(authenticator, metrics, throttle, settings.trustedOrigins(), clientAddress,
                        errors));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminKeyFilter> adminKeyFilterRegistration(ApiSettings settings, FailureThrottle throttle,
            ErrorBodies errors) {
        String adminKey = settings.adminKey();
        if (adminKey == null || adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("VAI_ADMIN_KEY (vai.admin-key) must be set, with at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        String previous = settings.adminKeyPrevious();
        if (previous != null && !previous.isEmpty() && previous.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("VAI_ADMIN_KEY_PREVIOUS (vai.admin-key-previous) must have at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        FilterRegistrationBean<AdminKeyFilter> registration = new FilterRegistrationBean<>(new AdminKeyFilter(adminKey,
                previous == null || previous.isEmpty() ? null : previous, throttle, errors));
        registration.addUrlPatterns("/internal/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
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
        resolvers.add(new CallerArgumentResolver());
        resolvers.add(new RequestContextArgumentResolver());
    }

    private static String secretKey(ApiSettings settings) {
        String secret = settings.secretKey();
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("VAI_SECRET_KEY (vai.secret-key) must be set, with at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        return secret;
    }
}
