package io.mlconnector.chargebee;

import io.mlconnector.chargebee.dto.SiteConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks once per container that the site runs Product Catalog 2.0, so a Product Catalog 1.0 site is reported
 * plainly instead of as a stream of {@code configuration_incompatible} errors or, worse, silently empty lists.
 */
@ApplicationScoped
public class SiteCheck {
    private final ChargebeeClient chargebee;
    private volatile boolean verified;

    public SiteCheck(ChargebeeClient chargebee) {
        this.chargebee = chargebee;
    }

    public void requireProductCatalog2() {
        if (verified) {
            return;
        }
        List<SiteConfiguration> configurations = chargebee.configurations();
        if (configurations.isEmpty() || !configurations.stream().allMatch(SiteConfiguration::isProductCatalog2)) {
            String found = configurations.stream().map(SiteConfiguration::productCatalogVersion).distinct().toList()
                    .toString();
            throw new ChargebeeException.Rejected("check site configuration", 200, "configuration_incompatible",
                    "the site runs product catalog " + found + "; the connector reads Product Catalog 2.0 (v2) sites");
        }
        verified = true;
    }
}
