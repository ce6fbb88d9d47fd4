package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One top-level entity of the simulated endpoint ({@code Customer}, {@code SalesInvoice}, {@code Account}, ...).
 * Later entities (Payment, JournalTransaction) plug in by implementing this and registering with the
 * {@link EntityApi}.
 */
interface EntityEndpoint {

    /** How the conditional headers of a PUT restrict it. */
    enum WriteCondition {
        /** No header: create or update. */
        ANY,
        /** {@code If-None-Match: *}: create only, 412 if the record exists. */
        INSERT_ONLY,
        /** {@code If-Match: *}: update only, 412 if the record does not exist. */
        UPDATE_ONLY
    }

    /** The entity name as it appears in URLs and the contract. */
    String name();

    /** {@code GET <Entity>} with {@code $filter/$select/$expand/$top/$skip}. */
    SandboxResponse list(QueryOptions query);

    /** {@code GET <Entity>/<id>} or {@code GET <Entity>/<key1>/<key2>...}. */
    SandboxResponse get(List<String> idOrKeys, QueryOptions query);

    /** {@code PUT <Entity>}: create or update. */
    default SandboxResponse put(JsonNode body, QueryOptions query, WriteCondition condition) {
        return HttpErrors.notSimulated("PUT " + name() + " (this entity is read-only in the sandbox)");
    }

    default boolean hasAction(String action) {
        return false;
    }

    /** {@code POST <Entity>/<Action>}. */
    default SandboxResponse invoke(String action, JsonNode body) {
        return HttpErrors.unknownAction(name(), action);
    }

    /** {@code GET <Entity>/<Action>/status/<operationId>}. */
    default SandboxResponse actionStatus(String action, String operationId) {
        return HttpErrors.unknownAction(name(), action);
    }
}
