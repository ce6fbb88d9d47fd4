package io.mlconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargebeeConfigTest {

    @Test
    void apiBaseUrl_shouldBeDerivedFromTheSiteName() {
        assertThat(config("acme", Optional.empty()).apiBaseUrl()).isEqualTo("https://acme.chargebee.com/api/v2");
    }

    @Test
    void apiBaseUrl_shouldKeepTheTestSuffixOfATestSite() {
        assertThat(config("acme-test", Optional.empty()).apiBaseUrl()).isEqualTo("https://acme-test.chargebee.com/api/v2");
    }

    @Test
    void apiBaseUrl_shouldBeTheOverride_withoutATrailingSlash_whenOneIsSet() {
        assertThat(config("acme", Optional.of("https://proxy.example.com/cb/api/v2/")).apiBaseUrl())
                .isEqualTo("https://proxy.example.com/cb/api/v2");
    }

    @Test
    void apiBaseUrl_shouldIgnoreABlankOverride_asSamPassesAnEmptyParameter() {
        assertThat(config("acme", Optional.of(" ")).apiBaseUrl()).isEqualTo("https://acme.chargebee.com/api/v2");
    }

    private static ChargebeeConfig config(String site, Optional<String> baseUrl) {
        return new ChargebeeConfig() {
            @Override
            public String site() {
                return site;
            }

            @Override
            public Optional<String> baseUrl() {
                return baseUrl;
            }

            @Override
            public Duration retryAfterCap() {
                return Duration.ofSeconds(60);
            }

            @Override
            public RateLimit rateLimit() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int lineItemsPageSize() {
                return 300;
            }
        };
    }
}
