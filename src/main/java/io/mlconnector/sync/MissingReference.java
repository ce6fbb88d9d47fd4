package io.mlconnector.sync;

/** A document needs an Acumatica record the preflight found missing, or a dependency that cannot post yet: held. */
final class MissingReference extends RuntimeException {
    MissingReference(String message) {
        super(message);
    }
}
