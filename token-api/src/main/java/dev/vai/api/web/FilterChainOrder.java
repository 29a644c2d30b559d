package dev.vai.api.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * The order of the API's servlet filters, in one place though each package registers its own: the request context
 * (request id, client address) first, then the request log around everything after it, the port split, the
 * credential checks ({@code /api} by token, {@code /internal} by admin key), and the read of one token, which needs the
 * caller authentication found.
 */
public enum FilterChainOrder {
    REQUEST_CONTEXT(10),
    REQUEST_LOG(20),
    PORT_SPLIT(30),
    CREDENTIALS(100),
    TOKEN_READ(110);

    private final int order;

    FilterChainOrder(int offset) {
        this.order = Ordered.HIGHEST_PRECEDENCE + offset;
    }

    /** {@code filter} at this place, on {@code urlPatterns} (none: every request). */
    public <F extends Filter> FilterRegistrationBean<F> register(F filter, String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        if (urlPatterns.length > 0) {
            registration.addUrlPatterns(urlPatterns);
        }
        return registration;
    }
}
