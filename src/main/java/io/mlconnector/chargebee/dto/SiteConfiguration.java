package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of {@code GET /configurations}: which product catalog version the site runs. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SiteConfiguration(String domain, String productCatalogVersion) {

    /** The connector reads Product Catalog 2.0 sites (items and item prices). */
    public boolean isProductCatalog2() {
        return "v2".equals(productCatalogVersion);
    }
}
