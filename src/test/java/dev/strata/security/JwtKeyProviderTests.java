package dev.strata.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing key: refused when too short, generated once and then reused so tokens survive restarts. */
class JwtKeyProviderTests {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretShorterThan32BytesIsRefused() {
        String shortSecret = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> JwtKeyProvider.resolve(shortSecret, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aSecretThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> JwtKeyProvider.resolve("not base64 !!", dataDir)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredSecretIsUsedAsIs() {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        assertThat(JwtKeyProvider.resolve(Base64.getEncoder().encodeToString(bytes), dataDir).getEncoded()).isEqualTo(bytes);
        assertThat(dataDir.resolve(JwtKeyProvider.KEY_FILE)).doesNotExist();
    }

    @Test
    void withoutASecretOneIsGeneratedOnceAndReused() throws Exception {
        byte[] first = JwtKeyProvider.resolve(null, dataDir).getEncoded();
        byte[] second = JwtKeyProvider.resolve("", dataDir).getEncoded();
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(JwtKeyProvider.KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
