package dev.vai.api.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.ErrorBodies;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The reference API's own wiring, kept here so that its filter stays package-private: the cursor codec, the read. */
@Configuration(proxyBeanMethods = false)
class TokensConfiguration {

    @Bean
    CursorCodec cursorCodec(ApiSettings settings) {
        return new CursorCodec(settings.derivedKey("cursor"));
    }

    /** Right after authentication (order 100): answers a read of one token from what authentication read alongside. */
    @Bean
    FilterRegistrationBean<TokenReadFilter> tokenReadFilterRegistration(TokenReads reads, ObjectMapper json,
            ErrorBodies errors) {
        FilterRegistrationBean<TokenReadFilter> registration =
                new FilterRegistrationBean<>(new TokenReadFilter(reads, json, errors));
        registration.addUrlPatterns(AccessTokensController.PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
        return registration;
    }
}
