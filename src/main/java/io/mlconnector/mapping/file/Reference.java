package io.mlconnector.mapping.file;

import java.util.Objects;
import java.util.Optional;

/**
 * One Acumatica id the mapping file names, and where: a preflight checks that each exists in the tenant and reports
 * the gaps with the file line. A cash account is only valid together with a payment method (Acumatica's
 * {@code PaymentMethod.AllowedCashAccounts}), so {@link Kind#CASH_ACCOUNT} references carry the payment method they
 * are used with; for every other kind {@code paymentMethod} is null.
 *
 * @param keyPath dotted path of the key whose value (or, for {@link Kind#CURRENCY}, whose key) is the id
 * @param line 1-based line of that value or key in the mapping file
 */
public record Reference(Kind kind, String id, String paymentMethod, String keyPath, int line) {

    /** What an id names in Acumatica. */
    public enum Kind {
        /** {@code NonStockItem.InventoryID}. */
        INVENTORY_ITEM("a non-stock item such as SUBSCRIPTION"),
        /** {@code Account.AccountCD}. */
        ACCOUNT("a GL account such as \"40000\""),
        /** {@code Subaccount.SubaccountCD}. */
        SUBACCOUNT("a subaccount such as \"000-000\""),
        /** {@code Tax.TaxID}. */
        TAX("a tax id such as CBTAX"),
        /** {@code PaymentMethod.PaymentMethodID}. */
        PAYMENT_METHOD("a payment method such as CARD"),
        /** An {@code Account} flagged as cash account and allowed for the reference's payment method. */
        CASH_ACCOUNT("a cash account such as \"10200\""),
        /** {@code CustomerClass.ClassID}. */
        CUSTOMER_CLASS("a customer class such as DEFAULT"),
        /** {@code Currency.CurrencyID}. */
        CURRENCY("a currency code such as EUR"),
        /** A Credit Terms id (CS206500), as {@code Customer.Terms} and {@code CustomerClass.Terms} name it. */
        TERMS("a credit terms id such as 30D");

        private final String example;

        Kind(String example) {
            this.example = example;
        }

        /** How problem messages describe a value of this kind, with an example the finance team can copy. */
        String example() {
            return example;
        }
    }

    public Reference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyPath, "keyPath");
        if (line < 1) {
            throw new IllegalArgumentException("line is 1-based, got " + line);
        }
        if ((kind == Kind.CASH_ACCOUNT) != (paymentMethod != null)) {
            throw new IllegalArgumentException("a payment method goes with cash account references and only with them");
        }
    }

    public Optional<String> paymentMethodId() {
        return Optional.ofNullable(paymentMethod);
    }
}
