package dev.vai.api.auth;

import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.ClientAddress;
import dev.vai.api.web.ErrorBodies;
import dev.vai.api.web.FilterChainOrder;
import dev.vai.api.web.RequestArgumentResolver;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authentication's wiring: the two guarding filters, the failure throttle they share, the {@link Caller} argument. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    @Bean
    FailureThrottle failureThrottle(ApiSettings settings, Clock clock) {
        return new FailureThrottle(settings.authFailureLimit(), clock);
    }

    /** Every public API request is authenticated before anything else looks at it. */
    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilterRegistration(Authenticator authenticator,
            AuthenticationMetrics metrics, FailureThrottle throttle, ApiSettings settings, ClientAddress clientAddress,
            ErrorBodies errors) {
        return FilterChainOrder.CREDENTIALS.register(new AuthenticationFilter(authenticator, metrics, throttle,
                settings.trustedOrigins(), clientAddress, errors), "/api/v1/*");
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
        return FilterChainOrder.CREDENTIALS.register(new AdminKeyFilter(adminKey,
                previous == null || previous.isEmpty() ? null : previous, throttle, errors), "/internal/*");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(RequestArgumentResolver.of(Caller.class, request -> {
            Caller caller = Caller.of(request);
            if (caller == null) {
                throw new IllegalStateException("No authenticated caller: is the endpoint outside authentication?");
            }
            return caller;
        }));
    }
}
