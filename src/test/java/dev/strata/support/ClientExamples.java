package dev.strata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The documents real clients send, read from {@code client-examples/} so tests run exactly what clients run. */
public final class ClientExamples {

    public static final Path ROOT = Path.of("client-examples");

    private ClientExamples() {
    }

    /** The text of {@code client-examples/<name>.graphql}, e.g. {@code mobile/CustomerPortrait}. */
    public static String load(String name) {
        try {
            return Files.readString(ROOT.resolve(name + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
