package dev.strata.card;

import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The RM's visitor radar: their card's visitors, newest visit first, paged by (lastVisitAt, id) over the held radar. */
@Service
class CardRadar {

    private final RadarView view;

    CardRadar(RadarView view) {
        this.view = view;
    }

    /** Only ever the signed-in RM's own radar: the manager comes from the token, never from an argument. */
    @PreAuthorize("hasRole('RELATIONSHIP_MANAGER')")
    Connection<CardVisitorEntry> page(Paging paging) {
        String manager = Viewers.require().managerCode();
        List<CardVisitorEntry> all = manager == null ? List.of() : view.of(manager);
        int from = 0;
        if (paging.after() != null) {
            int bar = paging.after().indexOf('|');
            long at;
            try {
                at = Long.parseLong(paging.after().substring(0, Math.max(bar, 0)));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Malformed cursor");
            }
            String id = paging.after().substring(bar + 1);
            while (from < all.size() && !isAfter(all.get(from), at, id)) {
                from++;
            }
        }
        List<CardVisitorEntry> fetched = new ArrayList<>(all.subList(from, Math.min(all.size(), from + paging.fetchSize())));
        return Connection.of(fetched, paging, e -> e.lastVisitAt().toEpochMilli() + "|" + e.id(), all::size);
    }

    /** Whether the entry comes after the cursor (lastVisitAt, id) in newest-first order. */
    private static boolean isAfter(CardVisitorEntry e, long at, String id) {
        long mine = e.lastVisitAt().toEpochMilli();
        return mine < at || (mine == at && e.id().compareTo(id) < 0);
    }
}
