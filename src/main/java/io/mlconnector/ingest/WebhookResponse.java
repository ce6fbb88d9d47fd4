package io.mlconnector.ingest;

/** Status and a small JSON body; Chargebee retries every non-2xx for about three days. */
public record WebhookResponse(int status, String body) {

    static WebhookResponse of(int status, String outcome, String detail) {
        return new WebhookResponse(status, "{\"outcome\":\"" + outcome + "\",\"detail\":\"" + escape(detail) + "\"}");
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
