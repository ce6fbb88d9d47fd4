package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant configuration the sandbox starts from (and returns to on {@code reset()}): reference data, numbering
 * sequences and a few preferences. Read from {@code src/test/resources/acumatica/default-tenant.json} unless another
 * file is given; see that file for the format.
 *
 * @param tenant               tenant (company) name, as in OAuth client ids {@code <guid>@<tenant>}
 * @param baseCurrency         the tenant's base currency, used when neither the customer nor its class names one
 * @param defaultCustomerClass class given to new customers that name none
 * @param defaultSubaccount    subaccount put on invoice lines that name none
 * @param customerIdMaxLength  length of the CustomerID segment; longer ids are rejected with 422
 * @param customerIdUpperCase  whether the CustomerID input mask upper-cases (Acumatica's default segmented key does)
 * @param numbering            auto-numbering per document type ("Invoice" → INV000001, "Payment" → 000001,
 *                             "Journal Transaction" → 000001, ...); types naming the same {@code sequence} share
 *                             one counter, as AR payments, prepayments and refunds do in Acumatica
 * @param referenceData        entity name → flat records (Account, Subaccount, Currency, NonStockItem, Tax,
 *                             PaymentMethod, CustomerClass)
 * @param customers            flat Customer records that exist from the start
 * @param creditTerms          the Credit Terms ids (CS206500) a Customer's {@code Terms} may name; the Default endpoint
 *                             publishes no entity for them, so they are seed data only
 */
record TenantSeed(String tenant, String baseCurrency, String defaultCustomerClass, String defaultSubaccount,
                  int customerIdMaxLength, boolean customerIdUpperCase, Map<String, Numbering> numbering,
                  Map<String, List<JsonNode>> referenceData, List<JsonNode> customers, List<String> creditTerms) {

    /**
     * How one document type is numbered: prefix plus a zero-padded counter, taken from the named sequence (types
     * sharing a sequence share the counter).
     */
    record Numbering(String prefix, int digits, String sequence) {
    }

    static final String BUNDLED_RESOURCE = "/acumatica/default-tenant.json";

    TenantSeed {
        numbering = Map.copyOf(numbering);
        referenceData = Map.copyOf(referenceData);
        customers = List.copyOf(customers);
        creditTerms = List.copyOf(creditTerms);
    }

    static TenantSeed bundled(ObjectMapper mapper) {
        try (InputStream in = TenantSeed.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Sandbox seed not found on the classpath at " + BUNDLED_RESOURCE);
            }
            return parse(mapper.readTree(in), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    static TenantSeed fromFile(Path file, ObjectMapper mapper) {
        try {
            return parse(mapper.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox seed file " + file, e);
        }
    }

    private static TenantSeed parse(JsonNode root, String source) {
        Map<String, Numbering> numbering = new LinkedHashMap<>();
        root.path("numbering").properties().forEach(e -> numbering.put(e.getKey(),
                new Numbering(e.getValue().path("prefix").asText(), e.getValue().path("digits").asInt(6),
                        e.getValue().path("sequence").asText(e.getKey()))));
        Map<String, List<JsonNode>> referenceData = new LinkedHashMap<>();
        root.path("referenceData").properties().forEach(e -> {
            List<JsonNode> records = new ArrayList<>();
            e.getValue().forEach(records::add);
            referenceData.put(e.getKey(), records);
        });
        List<JsonNode> customers = new ArrayList<>();
        root.path("customers").forEach(customers::add);
        List<String> creditTerms = new ArrayList<>();
        root.path("creditTerms").forEach(terms -> creditTerms.add(terms.asText()));
        String baseCurrency = root.path("baseCurrency").asText("");
        if (baseCurrency.isEmpty()) {
            throw new IllegalArgumentException("The sandbox seed " + source + " must set baseCurrency");
        }
        return new TenantSeed(root.path("tenant").asText("SandboxTenant"), baseCurrency,
                root.path("defaultCustomerClass").asText("DEFAULT"), root.path("defaultSubaccount").asText("000-000"),
                root.path("customerId").path("maxLength").asInt(30),
                root.path("customerId").path("upperCase").asBoolean(true), numbering, referenceData, customers,
                creditTerms);
    }
}
