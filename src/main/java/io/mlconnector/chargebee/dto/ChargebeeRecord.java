package io.mlconnector.chargebee.dto;

/** A Chargebee record the connector posts from: its id, its version, and whether Chargebee deleted it. */
public sealed interface ChargebeeRecord
        permits ChargebeeCustomer, ChargebeeInvoice, ChargebeeCreditNote, ChargebeeTransaction {

    String id();

    /** Chargebee's {@code resource_version}: grows with every change of the record; null when not given. */
    Long resourceVersion();

    boolean isDeleted();
}
