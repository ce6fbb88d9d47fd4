package io.mlconnector.sync;

/** Another worker is posting this Chargebee document right now: this event comes back later, never held. */
public final class DocumentBusy extends RuntimeException {

    DocumentBusy(String document) {
        super(document + " is being posted by another worker; this event comes back once it is done");
    }
}
