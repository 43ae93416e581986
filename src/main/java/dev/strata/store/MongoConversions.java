package dev.strata.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How values are stored: dates and instants through the driver's own codecs, so a {@code LocalDate} is
 * UTC midnight whatever the server's time zone (Spring's converters would use the JVM's zone, and two
 * replicas in different zones would disagree about a birth date); money as exact Decimal128.
 */
@Configuration(proxyBeanMethods = false)
class MongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.useNativeDriverJavaTimeCodecs()
                .bigDecimal(BigDecimalRepresentation.DECIMAL128));
    }
}
