package io.mlconnector.sandbox.chargebee.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The demo-cycle data directory as the test's independent source of truth, read with Jackson straight from the
 * files (not through the sandbox), so "the SDK listed N invoices" can be compared with "invoices.json holds N".
 *
 * @param directory    the data directory
 * @param customers    customers by id, in file order
 * @param invoices     invoices by id, in file order
 * @param creditNotes  credit notes by id, in file order
 * @param transactions transactions by id, in file order
 */
record DemoCycleData(Path directory, Map<String, JsonNode> customers, Map<String, JsonNode> invoices,
        Map<String, JsonNode> creditNotes, Map<String, JsonNode> transactions) {

    private static final String CLASSPATH_DIRECTORY = "/chargebee/demo-cycle";

    static DemoCycleData load() {
        Path directory = locate();
        ObjectMapper mapper = new ObjectMapper();
        return new DemoCycleData(directory,
                read(mapper, directory, "customers", "customer"),
                read(mapper, directory, "invoices", "invoice"),
                read(mapper, directory, "credit_notes", "credit_note"),
                read(mapper, directory, "transactions", "transaction"));
    }

    /**
     * The events the sandbox documents it derives for a data directory without {@code events.json}, counted by
     * type from the resources alone (README, "Data directory").
     */
    Map<String, Long> expectedDerivedEventCounts() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("customer_created", (long) customers.size());
        counts.put("pending_invoice_created", count(invoices, i -> "pending".equals(i.path("status").asText())));
        counts.put("invoice_generated", count(invoices, i -> !"pending".equals(i.path("status").asText())));
        counts.put("invoice_updated", count(invoices,
                i -> "voided".equals(i.path("status").asText()) && i.hasNonNull("voided_at")));
        counts.put("credit_note_created", (long) creditNotes.size());
        counts.put("payment_succeeded", count(transactions, t -> is(t, "payment", "success")));
        counts.put("payment_failed", count(transactions, t -> is(t, "payment", "failure")));
        counts.put("payment_refunded", count(transactions, t -> is(t, "refund", "success")));
        counts.put("transaction_created", count(transactions, t -> !is(t, "payment", "success")
                && !is(t, "payment", "failure") && !is(t, "refund", "success")));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    private static boolean is(JsonNode transaction, String type, String status) {
        return type.equals(transaction.path("type").asText()) && status.equals(transaction.path("status").asText());
    }

    private static long count(Map<String, JsonNode> records, Predicate<JsonNode> test) {
        return records.values().stream().filter(test).count();
    }

    private static Path locate() {
        URL url = DemoCycleData.class.getResource(CLASSPATH_DIRECTORY);
        if (url == null) {
            throw new IllegalStateException(CLASSPATH_DIRECTORY + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource URL " + url, e);
        }
    }

    private static Map<String, JsonNode> read(ObjectMapper mapper, Path directory, String file, String objectName) {
        Path path = directory.resolve(file + ".json");
        try {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (JsonNode entry : mapper.readTree(Files.readAllBytes(path)).path("list")) {
                JsonNode record = entry.get(objectName);
                if (byId.put(record.path("id").asText(), record) != null) {
                    throw new IllegalStateException(path + " repeats id " + record.path("id").asText());
                }
            }
            return Collections.unmodifiableMap(byId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
