package dev.strata.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The HS256 signing key: from STRATA_JWT_SECRET when set (refused under 32 bytes), otherwise generated
 * once and kept in the data directory so tokens survive restarts.
 */
final class JwtKeyProvider {

    static final int MIN_KEY_BYTES = 32;
    static final String KEY_FILE = "jwt-secret";

    private static final Logger log = LoggerFactory.getLogger(JwtKeyProvider.class);

    private JwtKeyProvider() {
    }

    static SecretKey resolve(String configuredSecret, Path dataDir) {
        if (StringUtils.hasText(configuredSecret)) {
            return toKey(decode(configuredSecret.trim(), "STRATA_JWT_SECRET"), "STRATA_JWT_SECRET");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
                return toKey(decode(stored, file.toString()), file.toString());
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            restrictToOwner(file);
            log.info("Generated a JWT signing key in {}; set STRATA_JWT_SECRET to manage it yourself", file.toAbsolutePath());
            return toKey(bytes, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT key file " + file.toAbsolutePath(), e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be base64");
        }
    }

    private static SecretKey toKey(byte[] bytes, String source) {
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(source + " must decode to at least " + MIN_KEY_BYTES + " bytes, got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Could not restrict permissions of {}", file, e);
        }
    }
}
