package dev.strata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;

/** The documents real clients send, served from {@code client-examples/} so tests run exactly what clients run. */
public final class ClientExamples {

    public static final Path ROOT = Path.of("client-examples");
    public static final String EXTENSION = ".graphql";
    public static final String VARIABLES_EXTENSION = ".variables.json";

    private ClientExamples() {
    }

    /** Resolves {@code documentName("mobile/CustomerPortrait")} to {@code client-examples/mobile/CustomerPortrait.graphql}. */
    public static DocumentSource documentSource() {
        // The trailing slash makes the location a directory, so names resolve inside it.
        return new ResourceDocumentSource(List.of(new FileSystemResource(ROOT.toAbsolutePath() + "/")), List.of(EXTENSION));
    }

    /** Every document, sorted. */
    public static List<Path> all() {
        return walk(EXTENSION);
    }

    /** Every variables file, sorted. */
    public static List<Path> allVariables() {
        return walk(VARIABLES_EXTENSION);
    }

    /** The name a test passes to {@code documentName}, e.g. {@code mobile/Login} for {@code client-examples/mobile/Login.graphql}. */
    public static String name(Path document) {
        String relative = ROOT.relativize(document).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - EXTENSION.length());
    }

    /** The variables file that belongs beside {@code client-examples/<name>.graphql}. */
    public static Path variablesOf(String name) {
        return ROOT.resolve(name + VARIABLES_EXTENSION);
    }

    private static List<Path> walk(String extension) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
