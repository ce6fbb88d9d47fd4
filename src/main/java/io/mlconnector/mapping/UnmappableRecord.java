package io.mlconnector.mapping;

/**
 * A Chargebee record the mapping cannot express (no currency, a customer id that fits no CustomerID, a payment in
 * another currency than its invoice): a data problem, so the document is held with this reason until the record or
 * the mapping is fixed. Any other exception while mapping is a defect and fails loudly instead.
 */
public class UnmappableRecord extends IllegalArgumentException {
    public UnmappableRecord(String message) {
        super(message);
    }
}
