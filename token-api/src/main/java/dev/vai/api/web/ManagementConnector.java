package dev.vai.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management port ({@code vai.management-port}): a second Tomcat connector beside the service's port, on the same
 * address and with the same limits (header size, timeouts, keep-alive), so that {@code /internal/**} and
 * {@code /actuator/**} can be served there only ({@link PortSplitFilter}). Once it listens, its port is published as
 * {@code local.management.port} ({@code 0} picks a free one).
 */
final class ManagementConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered,
        ApplicationListener<WebServerInitializedEvent> {

    static final String LOCAL_PORT_PROPERTY = "local.management.port";
    private static final Logger log = LoggerFactory.getLogger(ManagementConnector.class);

    private final int port;
    private volatile Connector connector;
    private volatile int localPort = -1;

    ManagementConnector(int port) {
        this.port = port;
    }

    /** Last: after Spring Boot's customizers have registered the server.* settings this connector copies. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector management = new Connector(factory.getProtocol());
        management.setPort(port);
        management.setThrowOnFailure(true);
        if (factory.getAddress() != null) {
            management.setProperty("address", factory.getAddress().getHostAddress());
        }
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(management));
        ProtocolHandler handler = management.getProtocolHandler();
        LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getProtocolHandlerCustomizers(), handler)
                .invoke(customizer -> customizer.customize(handler));
        factory.addAdditionalConnectors(management);
        this.connector = management;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        Connector management = connector;
        if (management == null) {
            return;
        }
        localPort = management.getLocalPort();
        if (event.getApplicationContext().getEnvironment() instanceof ConfigurableEnvironment environment) {
            environment.getPropertySources().addFirst(new MapPropertySource("vaiManagementPort",
                    Map.of(LOCAL_PORT_PROPERTY, localPort)));
        }
        log.info("Management port {}: /internal and /actuator are served there only", localPort);
    }

    /** Whether the request came in through the management connector. */
    boolean received(HttpServletRequest request) {
        int local = localPort;
        if (local < 0) { // a request in the instant between the connector's start and the event above
            Connector management = connector;
            local = management == null ? -1 : management.getLocalPort();
        }
        return local > 0 && request.getLocalPort() == local;
    }
}
