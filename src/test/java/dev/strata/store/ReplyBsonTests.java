package dev.strata.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's reply writer gives byte for byte what the library's encoder gives, for random documents of every type. */
class ReplyBsonTests {

    @Test
    void randomDocumentsEncodeToTheLibrarysBytes() {
        Random random = new Random(20261203);
        int lists = 0;
        for (int i = 0; i < 2000; i++) {
            Document document = RandomDocuments.document(random, 0);
            assertThat(ours(document)).as("document %d: %s", i, document).isEqualTo(theirs(document));
            lists += document.values().stream().filter(v -> v instanceof java.util.Collection<?>).count();
        }
        assertThat(lists).as("lists among the top-level values").isGreaterThan(1000);
    }

    @Test
    void listsLongerThanTheKeptPositionNamesEncodeToTheLibrarysBytes() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            values.add(i % 3 == 0 ? "v" + i : i);
        }
        Document document = new Document("values", values).append("set", new LinkedHashSet<>(values));
        assertThat(ours(document)).isEqualTo(theirs(document));
    }

    @Test
    void aValueOfNoBsonTypeFailsAsItDoesInTheLibrary() {
        Document document = new Document("a", 1).append("odd", new StringBuilder("not bson"));
        assertThatThrownBy(() -> theirs(document)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ours(document)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ours(Document document) {
        ByteBuf out = Unpooled.buffer();
        ReplyBson.document(document, out);
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] theirs(Document document) {
        ByteBuf out = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, out);
        return ByteBufUtil.getBytes(out);
    }
}
