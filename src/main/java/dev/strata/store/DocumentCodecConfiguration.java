package dev.strata.store;

import com.mongodb.MongoClientSettings;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store client's codecs: the driver's, with documents written by {@link PlainDocumentCodec}; any store, any client. */
@Configuration(proxyBeanMethods = false)
class DocumentCodecConfiguration {

    /** The driver's default codecs, with {@link PlainDocumentCodec} in front for documents. */
    static CodecRegistry codecs() {
        CodecRegistry stock = MongoClientSettings.getDefaultCodecRegistry();
        return CodecRegistries.fromRegistries(CodecRegistries.fromProviders(PlainDocumentCodec.provider(stock)), stock);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer plainDocumentCodec() {
        return settings -> settings.codecRegistry(codecs());
    }
}
