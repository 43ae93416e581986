package dev.strata.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 backend that commits its MVStore before answering a command, so an acknowledged write
 * survives a crash (the stock backend commits in the background about once a second).
 */
class DurableH2Backend extends H2Backend {

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        // A commit with no unsaved changes is a cheap no-op, so reads cost nothing extra.
        commit();
        return response;
    }
}
