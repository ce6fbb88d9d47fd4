package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplication;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.PaymentRoute;
import java.util.List;

/**
 * A successful Chargebee payment or refund → Acumatica {@code Payment} of type Payment or Customer Refund, on the
 * payment method and cash account the mapping routes its gateway account, method and currency to. Pure: the caller
 * passes the applications with the Acumatica reference numbers of the documents they apply to.
 */
public final class PaymentMapping {
    public static final String TYPE_PAYMENT = "Payment";
    /** Acumatica's AR refund document type as the REST API names it (see the sandbox README's divergence table). */
    public static final String TYPE_REFUND = "Customer Refund";
    /** Acumatica's Payment Ref. (ExtRefNbr) holds 40 characters. */
    static final int PAYMENT_REF_MAX = 40;

    private PaymentMapping() {}

    public static AcuPayment toAcumatica(ChargebeeTransaction transaction, String customerId,
                                         List<AcuPaymentApplication> applications, Mapping mapping) {
        if (!"success".equals(transaction.status())) {
            throw new IllegalArgumentException("Transaction " + transaction.id() + " is " + transaction.status()
                    + "; only successful transactions post");
        }
        boolean refund = "refund".equals(transaction.type());
        if (!refund && !"payment".equals(transaction.type())) {
            throw new IllegalArgumentException("Transaction " + transaction.id() + " of type " + transaction.type()
                    + " is not a payment or a refund");
        }
        PaymentRoute route = mapping.paymentFor(transaction.gatewayAccountId(), transaction.paymentMethod(),
                transaction.currencyCode());
        Money amount = Money.ofMinor(transaction.amount() == null ? 0 : transaction.amount(), transaction.currencyCode());
        return new AcuPayment(
                refund ? TYPE_REFUND : TYPE_PAYMENT,
                customerId,
                route.paymentMethod(),
                route.cashAccount(),
                amount.currency(),
                amount.scaled(),
                InvoiceMapping.date(transaction.date()),
                paymentRef(transaction),
                transaction.id(),
                (refund ? "Chargebee refund " : "Chargebee payment ") + transaction.id()
                        + (transaction.gateway() == null ? "" : " via " + transaction.gateway()),
                Boolean.FALSE,
                applications.isEmpty() ? null : List.copyOf(applications));
    }

    /** The gateway's own reference (what the bank statement shows), else Chargebee's. */
    static String paymentRef(ChargebeeTransaction transaction) {
        String ref = transaction.idAtGateway() != null ? transaction.idAtGateway()
                : transaction.referenceNumber() != null ? transaction.referenceNumber() : transaction.id();
        return ref.length() <= PAYMENT_REF_MAX ? ref : ref.substring(0, PAYMENT_REF_MAX);
    }
}
