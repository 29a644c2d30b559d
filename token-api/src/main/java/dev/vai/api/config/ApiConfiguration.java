package dev.vai.api.config;

import dev.vai.api.web.ApiSettings;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.secret.TokenHasher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every package of the API shares: its settings, the scope catalog and the token hasher (which the lifecycle
 * uses too). Each package wires its own filters and helpers ({@code auth}, {@code web}, {@code logging},
 * {@code tokens}), so that they can stay package-private.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiConfiguration {

    @Bean
    TokenHasher tokenHasher(ApiSettings settings) {
        return new TokenHasher(settings.derivedKey("token-hash"));
    }

    @Bean
    ScopeCatalog scopeCatalog(ApiSettings settings) {
        return settings.scopeCatalog();
    }
}
