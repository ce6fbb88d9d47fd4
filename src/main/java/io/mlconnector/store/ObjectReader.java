package io.mlconnector.store;

/** Port: reads a small text object, such as the mapping file, from object storage by its {@code s3://} URI. */
public interface ObjectReader {

    /**
     * @param uri {@code s3://bucket/key}
     * @return the object's content as UTF-8 text
     * @throws ObjectReadException naming the URI and what went wrong (missing, denied, unreachable)
     */
    String readText(String uri);

    /** The object could not be read; the message names the URI and the reason, never credentials. */
    final class ObjectReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ObjectReadException(String message) {
            super(message);
        }
    }
}
