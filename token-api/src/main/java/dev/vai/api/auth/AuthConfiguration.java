package dev.vai.api.auth;

import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.ClientAddress;
import dev.vai.api.web.ErrorBodies;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authentication's wiring: the two guarding filters, the failure throttle they share, the {@link Caller} argument. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    @Bean
    FailureThrottle failureThrottle(ApiSettings settings, Clock clock) {
        return new FailureThrottle(settings.authFailureLimit(), clock);
    }

    /** After the request context (order 10) and the request log (20): every public API request is authenticated. */
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
        if (adminKey == null || adminKey.length() < ApiSettings.MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("VAI_ADMIN_KEY (vai.admin-key) must be set, with at least "
                    + ApiSettings.MIN_ADMIN_KEY_LENGTH + " characters");
        }
        String previous = settings.adminKeyPrevious();
        if (previous != null && !previous.isEmpty() && previous.length() < ApiSettings.MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("VAI_ADMIN_KEY_PREVIOUS (vai.admin-key-previous) must have at least "
                    + ApiSettings.MIN_ADMIN_KEY_LENGTH + " characters");
        }
        FilterRegistrationBean<AdminKeyFilter> registration = new FilterRegistrationBean<>(new AdminKeyFilter(adminKey,
                previous == null || previous.isEmpty() ? null : previous, throttle, errors));
        registration.addUrlPatterns("/internal/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
