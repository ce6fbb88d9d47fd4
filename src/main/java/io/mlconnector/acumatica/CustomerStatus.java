package io.mlconnector.acumatica;

import java.util.Optional;

/** A {@code Customer}'s {@code Status} as the contract-based API spells it (AR303000's list). */
public enum CustomerStatus implements WireNamed {
    ACTIVE("Active"),
    ON_HOLD("On Hold"),
    CREDIT_HOLD("Credit Hold"),
    /** What the connector sets for a customer Chargebee deleted: Acumatica keeps its documents. */
    INACTIVE("Inactive"),
    ONE_TIME("One-Time");

    private final String wireName;

    CustomerStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The status a {@code Status} value names (exactly); empty for anything else. */
    public static Optional<CustomerStatus> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
