package io.mlconnector.sync;

/**
 * The mapping file cannot be read at all (an S3 object or SSM parameter that is missing or not readable, a file that
 * is not there): nothing can post on a guess, so documents are held with this reason and the preflight reports it.
 */
public final class MappingUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MappingUnavailable(String message) {
        super(message);
    }
}
