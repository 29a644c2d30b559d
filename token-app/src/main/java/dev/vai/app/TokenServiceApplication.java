package dev.vai.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The access-token service: every module under {@code dev.vai}, one process. */
@SpringBootApplication(scanBasePackages = "dev.vai")
@AutoConfigurationPackage(basePackages = "dev.vai")
public class TokenServiceApplication {

    public static void main(String[] args) {
        // Axon 4.12+ phones home at start-up unless told not to; a token service should not.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(TokenServiceApplication.class, args);
    }
}
