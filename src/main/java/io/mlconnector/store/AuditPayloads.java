package io.mlconnector.store;

import java.nio.charset.StandardCharsets;

/**
 * What an audit row keeps of its five payload fields (reason, received, fetched, sent, answer): each at most
 * {@link #FIELD_BYTES_MAX} bytes of UTF-8, cut on a character boundary and marked, so the whole row stays within a
 * DynamoDB item's 400 KB however large or multi-byte the documents are. One rule for every {@link AuditLog}.
 */
public final class AuditPayloads {
    /** Five fields of this size, the keys and the marker stay under 400 KB (DynamoDB counts UTF-8 bytes). */
    public static final int FIELD_BYTES_MAX = 70_000;
    public static final String CUT_MARK = "…[truncated]";

    private AuditPayloads() {}

    /** The row as it is kept. */
    public static AuditRecord fit(AuditRecord row) {
        return new AuditRecord(row.eventId(), row.eventType(), row.resourceType(), row.resourceId(), row.outcome(),
                cap(row.reason()), cap(row.received()), cap(row.fetched()), cap(row.sent()), cap(row.answer()),
                row.acumaticaRef(), row.at());
    }

    /** The text if its UTF-8 fits {@link #FIELD_BYTES_MAX}, else its longest prefix that does (marker included). */
    public static String cap(String text) {
        if (text == null || text.length() * 3L <= FIELD_BYTES_MAX
                || text.getBytes(StandardCharsets.UTF_8).length <= FIELD_BYTES_MAX) {
            return text;
        }
        int budget = FIELD_BYTES_MAX - CUT_MARK.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + CUT_MARK;
    }
}
