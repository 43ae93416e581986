package dev.strata.card;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves the public card page ({@code client-examples/business-card/}, packaged into the jar) at {@code /card/{slug}}.
 * The page is the same for every slug (it asks {@code businessCard} itself), so serving it reveals nothing; the headers
 * keep it from loading anything foreign, being framed, sniffed or cached.
 */
@Controller
@ConditionalOnProperty(name = "strata.card.page-enabled", havingValue = "true", matchIfMissing = true)
class CardPageController {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, MediaType> ASSETS = Map.of("card.css", MediaType.valueOf("text/css;charset=UTF-8"),
            "card.js", MediaType.valueOf("text/javascript;charset=UTF-8"));

    @GetMapping("/card/{slug}")
    ResponseEntity<byte[]> page(@PathVariable String slug) throws IOException {
        if (ASSETS.containsKey(slug)) {
            return file(slug, ASSETS.get(slug));
        }
        return file("index.html", MediaType.valueOf("text/html;charset=UTF-8"));
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type) throws IOException {
        try (InputStream in = new ClassPathResource("card-page/" + name).getInputStream()) {
            return ResponseEntity.ok().contentType(type)
                    .header("Content-Security-Policy", CSP)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .body(in.readAllBytes());
        }
    }
}
