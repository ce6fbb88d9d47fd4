package io.mlconnector.store;

import java.net.URI;

/** Port: where finished reports are kept. Writes whole objects; never reads or lists. */
public interface ReportStore {

    /**
     * Writes (or replaces) the object at {@code key}.
     *
     * @param contentType e.g. {@code text/html; charset=utf-8}
     * @return where it went ({@code s3://bucket/key} or a {@code file:} URI)
     */
    URI put(String key, String contentType, byte[] content);
}
