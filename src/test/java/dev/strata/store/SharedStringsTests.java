package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/** Stored documents share one copy of each field name and short value, and read exactly as before. */
class SharedStringsTests {

    @Test
    void repeatedNamesAndShortValuesBecomeOneInstanceWhileEveryValueStaysEqual() {
        SharedStrings strings = new SharedStrings();
        Document first = customer("GOLD", "6571f0c2a1b2c3d4e5f60718");
        Document second = customer(new String("GOLD".toCharArray()), "6571f0c2a1b2c3d4e5f60719");
        String secondAsText = second.toString();
        strings.share(first);
        strings.share(second);
        assertThat(second.toString()).isEqualTo(secondAsText);
        assertThat(key(second, 0)).isSameAs(key(first, 0));
        assertThat(second.get("tier")).isSameAs(first.get("tier"));
        Document nested = (Document) ((List<?>) second.get("recentEvents")).get(0);
        Document nestedFirst = (Document) ((List<?>) first.get("recentEvents")).get(0);
        assertThat(nested.get("type")).isSameAs(nestedFirst.get("type"));
        assertThat(key(nested, 0)).isSameAs(key(nestedFirst, 0));
        assertThat(second.get("_id")).as("an ID is long: not kept").isNotSameAs(first.get("_id"));
    }

    @Test
    void pastItsLimitNoNewStringIsKeptButDocumentsStayIntact() {
        SharedStrings strings = new SharedStrings();
        for (int i = 0; i < SharedStrings.LIMIT + 10; i++) {
            strings.share(new Document("k" + i, "v"));
        }
        Document late = new Document("late-key", "late-value");
        strings.share(late);
        assertThat(late).containsEntry("late-key", "late-value");
    }

    private static Document customer(String tier, String id) {
        List<Object> events = new ArrayList<>();
        events.add(new Document("type", new String("LOGIN".toCharArray())).append("channel", "WEB"));
        return new Document(new String("_id".toCharArray()), id).append("tier", tier).append("recentEvents", events);
    }

    private static String key(Document document, int index) {
        return new ArrayList<>(document.keySet()).get(index);
    }
}
