package dev.strata.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves GraphiQL at {@code /graphiql} from assets inside the service (webjars), so it works on a bank's
 * network with no internet; the page has a field for the bearer token. Introspection still needs a
 * signed-in caller unless the schema is public.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlPage {

    @Bean
    RouterFunction<ServerResponse> graphiQl(@Value("${strata.graphiql.version:2.4.7}") String graphiqlVersion,
            @Value("${strata.graphiql.react-version:18.3.1}") String reactVersion) {
        String page = read().replace("@graphiql.version@", graphiqlVersion).replace("@react.version@", reactVersion);
        return RouterFunctions.route().GET("/graphiql", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache()).body(page)).build();
    }

    private static String read() {
        try {
            return new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
