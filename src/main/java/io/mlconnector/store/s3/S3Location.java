package io.mlconnector.store.s3;

/** An {@code s3://bucket/key} URI taken apart; anything else is refused with the form expected. */
record S3Location(String bucket, String key) {

    static S3Location parse(String uri) {
        String text = uri == null ? "" : uri.strip();
        if (!text.startsWith("s3://")) {
            throw new IllegalArgumentException("expected s3://bucket/key, got '" + text + "'");
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("expected s3://bucket/key, got '" + text + "'");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
