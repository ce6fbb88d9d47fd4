package io.mlconnector.acumatica;

import java.util.List;
import java.util.Optional;

/** Port: what the connector does in Acumatica. Bodies are typed records; the value-object envelope stays inside. */
public interface AcumaticaClient {

    /** Versions of {@code endpointName} the instance publishes ({@code GET /entity}). */
    List<String> publishedVersions(String endpointName);

    /** The first record of {@code entity} matching an OData filter (see {@link ODataFilter}), read as {@code view}. */
    <T extends Record> Optional<T> findFirst(String entity, String filter, Class<T> view);

    /** Every record matching the filter, read in pages of {@code pageSize} with {@code $top}/{@code $skip}. */
    <T extends Record> List<T> findAll(String entity, String filter, Class<T> view, int pageSize);

    /**
     * Creates a record ({@code PUT} with {@code If-None-Match: *}). Never retried here: after a lost response the
     * caller must look the document up by its natural key before trying again.
     */
    <T extends Record> T create(String entity, Record body, Class<T> view);

    /** Updates an existing record named by the body's keys or id ({@code PUT} with {@code If-Match: *}). */
    <T extends Record> T update(String entity, Record body, Class<T> view);

    /** The unit of work (a worker batch) is over: a cookie session signs out here; OAuth keeps its chain. */
    void endSession();

    /** Runs an action such as a release and waits until Acumatica reports it finished. */
    void invoke(String entity, String action, Record entityKeys);
}
