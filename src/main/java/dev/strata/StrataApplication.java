package dev.strata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: one stateless Spring Boot service in front of MongoDB. */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class StrataApplication {

    public static void main(String[] args) {
        SpringApplication.run(StrataApplication.class, args);
    }
}
