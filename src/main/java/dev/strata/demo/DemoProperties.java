package dev.strata.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How much synthetic demo data to seed into an empty store, from which random seed, and the demo users' password. */
@ConfigurationProperties("strata.demo")
public record DemoProperties(int customers, long seed, String password) {

    public static final String DEFAULT_PASSWORD = "demo-pass-2026";

    public DemoProperties {
        customers = Math.max(0, customers);
        password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
    }
}
