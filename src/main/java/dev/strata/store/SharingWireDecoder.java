package dev.strata.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MessageFlag;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * The library's request decoder, but an {@code OP_MSG} (every command of a current driver) is decoded with the store's
 * shared strings ({@link SharedBsonDecoder}); other messages (the legacy handshake) take the library's way.
 */
final class SharingWireDecoder extends MongoWireProtocolHandler {

    private static final int HEADER_BYTES = 16;
    private static final int CHECKSUM_BYTES = 4;

    private final SharedBsonDecoder bson;

    SharingWireDecoder(SharedStrings strings) {
        this.bson = new SharedBsonDecoder(strings);
    }

    @Override
    protected ClientRequest decode(ChannelHandlerContext context, ByteBuf buffer) throws Exception {
        int start = buffer.readerIndex();
        if (buffer.readableBytes() < HEADER_BYTES || buffer.getIntLE(start + 12) != OpCode.OP_MSG.getId()) {
            return super.decode(context, buffer);
        }
        int totalLength = buffer.getIntLE(start);
        if (totalLength > MAX_MESSAGE_SIZE_BYTES) {
            throw new IOException("message too large: " + totalLength + " bytes");
        }
        if (buffer.readableBytes() < totalLength) {
            return null;
        }
        ByteBuf message = buffer.readSlice(totalLength);
        message.skipBytes(4);
        // Offsets below count from after the length field, as the library's decoder counts them.
        ByteBuf in = message.slice();
        MessageHeader header = new MessageHeader(totalLength, in.readIntLE(), in.readIntLE());
        in.skipBytes(4);
        int flagBits = in.readIntLE();
        boolean checksum = MessageFlag.CHECKSUM_PRESENT.isSet(flagBits);
        if (checksum) {
            flagBits = MessageFlag.CHECKSUM_PRESENT.removeFrom(flagBits);
        }
        if (flagBits != 0) {
            throw new UnsupportedOperationException("flags=" + flagBits + " not yet supported");
        }
        int payloadEnd = totalLength - 4 - (checksum ? CHECKSUM_BYTES : 0);
        Document body = null;
        Document sequences = new Document();
        while (in.readerIndex() < payloadEnd) {
            byte kind = in.readByte();
            if (kind == MongoMessage.SECTION_KIND_BODY) {
                Assert.isNull(body);
                body = bson.document(in);
            } else if (kind == MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE) {
                sequence(in, sequences);
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        if (checksum) {
            in.skipBytes(CHECKSUM_BYTES);
        }
        Assert.notNull(body);
        for (var entry : sequences.entrySet()) {
            Assert.isNull(body.put(entry.getKey(), entry.getValue()));
        }
        if (in.isReadable()) {
            throw new IOException();
        }
        return new MongoMessage(context.channel(), header, body);
    }

    /** A document sequence section (the documents of an insert, the statements of an update) under its identifier. */
    private void sequence(ByteBuf in, Document sequences) {
        int start = in.readerIndex();
        int size = in.readIntLE();
        String identifier = BsonDecoder.decodeCString(in);
        List<Document> documents = new ArrayList<>();
        do {
            documents.add(bson.document(in));
        } while (in.readerIndex() - start < size);
        Assert.notEmpty(documents);
        Assert.isNull(sequences.put(identifier, documents));
    }
}
