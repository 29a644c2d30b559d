package dev.vai.api.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.ErrorBodies;
import dev.vai.api.web.FilterChainOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference API's own wiring, kept here so that its filter stays package-private: the cursor codec, the read. */
@Configuration(proxyBeanMethods = false)
class TokensConfiguration {

    @Bean
    CursorCodec cursorCodec(ApiSettings settings) {
        return new CursorCodec(settings.derivedKey("cursor"));
    }

    /** Right after authentication: answers a read of one token from what authentication read alongside. */
    @Bean
    FilterRegistrationBean<TokenReadFilter> tokenReadFilterRegistration(TokenReads reads, ObjectMapper json,
            ErrorBodies errors) {
        return FilterChainOrder.TOKEN_READ.register(new TokenReadFilter(reads, json, errors),
                AccessTokensController.PATH + "/*");
    }
}
