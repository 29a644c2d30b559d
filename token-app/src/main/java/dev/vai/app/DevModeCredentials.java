package dev.vai.app;

import dev.vai.api.auth.Authenticator;
import dev.vai.lifecycle.IssuedToken;
import dev.vai.lifecycle.TokenLifecycle;
import dev.vai.api.web.ApiSettings;
import dev.vai.token.Issuer;
import dev.vai.token.Lifetime;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Dev mode only: once the service is ready, writes a demo user's session token and the admin key to
 * {@value #FILE} in the data directory (owner-readable only) and logs the file's path with a curl line that reads it.
 * The secrets themselves never reach the log. A still-valid demo session from an earlier start is kept.
 */
@Component
@ConditionalOnProperty(name = Mode.PROPERTY, havingValue = "dev")
class DevModeCredentials {

    static final String FILE = "dev-credentials.env";
    static final OwnerId DEMO_USER = new OwnerId("demo-user");
    private static final Logger log = LoggerFactory.getLogger(DevModeCredentials.class);

    private final TokenLifecycle lifecycle;
    private final Authenticator authenticator;
    private final ApiSettings settings;
    private final ScopeCatalog catalog;
    private final Path file;
    private final boolean adminKeyGenerated;

    DevModeCredentials(TokenLifecycle lifecycle, Authenticator authenticator, ApiSettings settings,
            ScopeCatalog catalog, @Value("${vai.data-dir}") Path dataDir,
            @Value("${vai.dev.admin-key-generated:false}") boolean adminKeyGenerated) {
        this.lifecycle = lifecycle;
        this.authenticator = authenticator;
        this.settings = settings;
        this.catalog = catalog;
        this.file = dataDir.resolve(FILE);
        this.adminKeyGenerated = adminKeyGenerated;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String token = reusableDemoToken();
        if (token == null) {
            IssuedToken issued = lifecycle.issue(Issuer.admin(), DEMO_USER, TokenType.SESSION,
                    TokenName.of("dev-mode demo session"), catalog.all(), Lifetime.ofMinutes(settings.sessionTtlMinutes()),
                    RequestContext.NONE);
            token = issued.plaintext().reveal();
        }
        write(token);
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        String url = "http://localhost:" + port;
        log.info("Dev mode: a demo session token (user '{}') and the admin key are in {} (readable by you only)."
                + " Try:  . {} && curl -H \"Authorization: Bearer $DEMO_TOKEN\" {}/api/v1/access-tokens",
                DEMO_USER, file, file, url);
    }

    private String reusableDemoToken() {
        if (!Files.exists(file)) {
            return null;
        }
        Properties existing = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            existing.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String token = existing.getProperty("DEMO_TOKEN");
        return token != null && authenticator.authenticate(token, null).succeeded() ? token : null;
    }

    private void write(String token) {
        try {
            ModeEnvironmentPostProcessor.writePrivately(file, writer -> {
                writer.write("# Written by the access-token service in dev mode. Source it:  . " + file + "\n");
                writer.write("DEMO_TOKEN=" + token + "\n");
                if (adminKeyGenerated) {
                    writer.write("ADMIN_KEY=" + settings.adminKey() + "\n");
                } else {
                    writer.write("# ADMIN_KEY: the value of VAI_ADMIN_KEY\n");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
