package dev.strata.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * How values are stored: dates and instants through the driver's own codecs, so a {@code LocalDate} is
 * UTC midnight whatever the server's time zone (Spring's converters would use the JVM's zone, and two
 * replicas in different zones would disagree about a birth date); money as exact Decimal128; and no
 * {@code _class} type hints, since every document is read back as the one type its collection holds.
 */
@Configuration(proxyBeanMethods = false)
class MongoConversions {

    /** Also registers the hand-written readers of the hottest documents (each differentially tested against the mapping). */
    @Bean
    MongoCustomConversions mongoCustomConversions(ObjectProvider<Converter<org.bson.Document, ?>> readers) {
        return MongoCustomConversions.create(adapter -> adapter.useNativeDriverJavaTimeCodecs()
                .bigDecimal(BigDecimalRepresentation.DECIMAL128).registerConverters(readers.orderedStream().toList()));
    }

    @Bean
    MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context,
            MongoCustomConversions conversions) {
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.setCodecRegistryProvider(factory);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null, context));
        return converter;
    }
}
