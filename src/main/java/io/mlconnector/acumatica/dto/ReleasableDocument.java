package io.mlconnector.acumatica.dto;

/** An AR document read back from Acumatica: invoice, credit memo, payment or refund. */
public interface ReleasableDocument {
    String id();

    String type();

    String referenceNbr();

    /** Already released (nothing left but to record it). */
    boolean isReleased();
}
