package dev.strata.card;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An RM's smart business card (智能名片), one per RM, found by its public unguessable slug (a unique key). */
@Document("business_cards")
public record BusinessCard(@Id String managerCode, @Indexed(unique = true) String slug, String displayName, String title,
        String branchCode, String intro, String photoUrl, String phone, String qrUrl, List<String> featuredProductCodes,
        long visitCount, Instant updatedAt) {

    public BusinessCard {
        featuredProductCodes = featuredProductCodes == null ? List.of() : featuredProductCodes;
    }
}
