package dev.strata.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Resolves {@code Query.node} by dispatching on the type encoded in the global ID. */
@Controller
class NodeController {

    private final Map<String, NodeFetcher> fetchers;

    NodeController(List<NodeFetcher> fetchers) {
        this.fetchers = fetchers.stream().collect(Collectors.toMap(NodeFetcher::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id, Scope scope) {
        GlobalId globalId = GlobalId.decode(id);
        NodeFetcher fetcher = fetchers.get(globalId.type());
        if (fetcher == null) {
            throw new BadRequestException("Malformed ID");
        }
        return fetcher.fetch(globalId.localId(), scope);
    }
}
