package dev.strata.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the first admin on an empty store, with STRATA_ADMIN_PASSWORD or a random password logged once. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final Clock clock;

    AdminBootstrap(UserService users, PasswordEncoder passwords, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = !StringUtils.hasText(properties.adminPassword());
        String password = generated ? randomPassword() : properties.adminPassword();
        User admin = new User(new ObjectId().toHexString(), ADMIN, passwords.encode(password), Set.of(Role.ADMIN), null,
                null, clock.instant(), "system");
        if (users.createIfAbsent(admin) && generated) {
            log.warn("Created user 'admin' with generated password: {} (shown once; set STRATA_ADMIN_PASSWORD to choose it)",
                    password);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
