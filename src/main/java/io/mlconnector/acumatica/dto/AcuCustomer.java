package io.mlconnector.acumatica.dto;

import io.mlconnector.acumatica.CustomerStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a {@code Customer} PUT. Null fields are left out, so an update never blanks what it does not know. */
@RegisterForReflection
public record AcuCustomer(String customerID, String customerName, String customerClass, String currencyID,
                          String terms, String accountRef, String email, String status, AcuContact mainContact) {

    /** The same customer, marked inactive (Acumatica keeps its documents; deleting would be refused anyway). */
    /** The same customer under another CustomerID (the one Acumatica already has for it). */
    public AcuCustomer withCustomerID(String id) {
        return new AcuCustomer(id, customerName, customerClass, currencyID, terms, accountRef, email, status,
                mainContact);
    }

    public AcuCustomer inactive() {
        return new AcuCustomer(customerID, customerName, customerClass, currencyID, terms, accountRef, email,
                CustomerStatus.INACTIVE.wireName(), mainContact);
    }
}
