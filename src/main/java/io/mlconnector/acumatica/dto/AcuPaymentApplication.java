package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * One {@code PaymentDetail} line: how much of the payment goes to one AR document.
 *
 * @param id     the line's id when an unreleased line already on the document is changed (or deleted); null adds one
 * @param delete true to remove the unreleased line named by {@code id}; null otherwise
 */
@RegisterForReflection
public record AcuPaymentApplication(String docType, String referenceNbr, BigDecimal amountPaid, String id,
                                    Boolean delete) {

    /** A new line. */
    public AcuPaymentApplication(String docType, String referenceNbr, BigDecimal amountPaid) {
        this(docType, referenceNbr, amountPaid, null, null);
    }

    /** The unreleased line {@code id} set to {@code amountPaid}. */
    public static AcuPaymentApplication change(String id, String docType, String referenceNbr, BigDecimal amountPaid) {
        return new AcuPaymentApplication(docType, referenceNbr, amountPaid, id, null);
    }

    /** The unreleased line {@code id} removed. */
    public static AcuPaymentApplication remove(String id) {
        return new AcuPaymentApplication(null, null, null, id, true);
    }
}
