package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Settles demo invoices the way Chargebee records it: payments ({@code linked_invoices} ↔ {@code linked_payments}),
 * overpayments ({@code amount_unused} → customer {@code excess_payments}), failed card payments (dunning),
 * write-offs (adjustment credit note, {@code write_off_amount}) and refunds (refundable credit note refunded by a
 * {@code refund} transaction via {@code linked_credit_notes}). Keeps every invoice's
 * {@code amount_due = total − amount_paid − credits_applied − amount_adjusted}.
 */
final class DemoSettlements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long DAY = 86_400L;

    private final Random random;
    private final List<ObjectNode> transactions = new ArrayList<>();
    private final List<ObjectNode> creditNotes = new ArrayList<>();
    private int transactionSequence;
    private int creditNoteSequence;

    DemoSettlements(Random random) {
        this.random = random;
    }

    List<ObjectNode> transactions() {
        return transactions;
    }

    List<ObjectNode> creditNotes() {
        return creditNotes;
    }

    /** Recomputes the derived amounts after any change to paid, credited or adjusted amounts. */
    static void refreshAmountDue(ObjectNode invoice) {
        long due = invoice.get("total").longValue() - invoice.get("amount_paid").longValue()
                - invoice.get("credits_applied").longValue() - invoice.get("amount_adjusted").longValue();
        invoice.put("amount_due", due);
        invoice.put("amount_to_collect", due);
    }

    ObjectNode cardPayment(DemoCustomers.Profile customer, ObjectNode invoice, long at) {
        ObjectNode txn = transaction(customer, "payment", "success", invoice.get("amount_due").longValue(), at, true);
        applyPayment(txn, invoice, invoice.get("amount_due").longValue(), at);
        return txn;
    }

    /** One offline payment for several invoices, {@code excess} more than they owe (kept as unused). */
    ObjectNode bankTransfer(DemoCustomers.Profile customer, List<ObjectNode> invoices, long excess, long at) {
        long owed = invoices.stream().mapToLong(i -> i.get("amount_due").longValue()).sum();
        ObjectNode txn = transaction(customer, "payment", "success", owed + excess, at, false);
        txn.put("reference_number", String.format("BT-%06d", 100_000 + random.nextInt(900_000)));
        for (ObjectNode invoice : invoices) {
            applyPayment(txn, invoice, invoice.get("amount_due").longValue(), at);
        }
        txn.put("amount_unused", excess);
        if (excess > 0) {
            ObjectNode json = customer.json();
            json.put("excess_payments", json.get("excess_payments").longValue() + excess);
            ObjectNode balance = json.putArray("balances").addObject();
            balance.put("promotional_credits", 0);
            balance.put("excess_payments", json.get("excess_payments").longValue());
            balance.put("refundable_credits", 0);
            balance.put("unbilled_charges", 0);
            balance.put("object", "customer_balance");
            balance.put("currency_code", customer.currency());
            balance.put("balance_currency_code", customer.currency());
            touch(json, at);
        }
        return txn;
    }

    /** A declined card: the invoice goes to dunning ({@code payment_due}). */
    ObjectNode failedCardPayment(DemoCustomers.Profile customer, ObjectNode invoice, long at) {
        long amount = invoice.get("amount_due").longValue();
        ObjectNode txn = transaction(customer, "payment", "failure", amount, at, true);
        txn.put("error_code", "card_declined");
        txn.put("error_text", "Your card was declined.");
        txn.remove("settled_at");
        invoice.put("status", "payment_due");
        invoice.put("dunning_status", "in_progress");
        invoice.put("next_retry_at", at + 3 * DAY);
        ObjectNode attempt = invoice.withArrayProperty("dunning_attempts").addObject();
        attempt.put("attempt", 0);
        attempt.put("transaction_id", txn.get("id").asText());
        attempt.put("dunning_type", "auto_collect");
        attempt.put("created_at", at);
        attempt.put("txn_status", "failure");
        attempt.put("txn_amount", amount);
        touch(invoice, at);
        return txn;
    }

    /**
     * Writes off what an invoice still owes: an {@code adjustment} credit note with {@code create_reason_code}
     * "Write Off" for the full amount due, after which the invoice counts as paid.
     *
     * @param mirror the invoice's money, rebuilt with credit-note line ids (its total must equal the amount due)
     */
    ObjectNode writeOff(DemoCustomers.Profile customer, ObjectNode invoice, ObjectNode mirror, long at) {
        long due = invoice.get("amount_due").longValue();
        if (mirror.get("total").longValue() != due) {
            throw new IllegalStateException("A write-off credit note must cover exactly the amount due");
        }
        ObjectNode cn = creditNote(customer, invoice, "adjustment", "write_off", "Write Off", "adjusted", mirror, at);
        cn.put("amount_allocated", due);
        ObjectNode allocation = cn.withArrayProperty("allocations").addObject();
        allocation.put("invoice_id", invoice.get("id").asText());
        allocation.put("allocated_amount", due);
        allocation.put("allocated_at", at);
        allocation.put("invoice_date", invoice.get("date").longValue());
        allocation.put("invoice_status", "paid");
        invoice.put("amount_adjusted", invoice.get("amount_adjusted").longValue() + due);
        invoice.put("write_off_amount", due);
        invoice.put("status", "paid");
        invoice.put("paid_at", at);
        invoice.withArrayProperty("adjustment_credit_notes").add(createdCreditNote(cn));
        refreshAmountDue(invoice);
        touch(invoice, at);
        return cn;
    }

    /**
     * Refunds part of a paid invoice: a {@code refundable} credit note for {@code credited} (lines of the invoice)
     * and a {@code refund} transaction against the original payment, linked through the credit note.
     */
    ObjectNode refund(DemoCustomers.Profile customer, ObjectNode invoice, ObjectNode payment, ObjectNode credited,
            long at) {
        ObjectNode cn = creditNote(customer, invoice, "refundable", "product_unsatisfactory",
                "Product Unsatisfactory", "refunded", credited, at);
        long amount = cn.get("total").longValue();
        ObjectNode refund = transaction(customer, "refund", "success", amount, at, true);
        refund.put("refunded_txn_id", payment.get("id").asText());
        ObjectNode link = refund.withArrayProperty("linked_credit_notes").addObject();
        link.put("cn_id", cn.get("id").asText());
        link.put("applied_amount", amount);
        link.put("applied_at", at);
        link.put("cn_reason_code", "product_unsatisfactory");
        link.put("cn_create_reason_code", "Product Unsatisfactory");
        link.put("cn_date", at);
        link.put("cn_total", amount);
        link.put("cn_status", "refunded");
        link.put("cn_reference_invoice_id", invoice.get("id").asText());
        cn.put("amount_refunded", amount);
        cn.put("refunded_at", at);
        ObjectNode linkedRefund = cn.withArrayProperty("linked_refunds").addObject();
        linkedRefund.put("txn_id", refund.get("id").asText());
        linkedRefund.put("applied_amount", amount);
        linkedRefund.put("applied_at", at);
        linkedRefund.put("txn_status", "success");
        linkedRefund.put("txn_date", at);
        linkedRefund.put("txn_amount", amount);
        linkedRefund.put("refund_reason_code", "Product Unsatisfactory");
        ObjectNode paymentRefund = payment.withArrayProperty("linked_refunds").addObject();
        paymentRefund.put("txn_id", refund.get("id").asText());
        paymentRefund.put("txn_status", "success");
        paymentRefund.put("txn_date", at);
        paymentRefund.put("txn_amount", amount);
        touch(payment, at);
        invoice.withArrayProperty("issued_credit_notes").add(createdCreditNote(cn));
        touch(invoice, at);
        return refund;
    }

    /** An offline payment of part of what an invoice owes: the invoice keeps its status and the rest stays due. */
    ObjectNode partialPayment(DemoCustomers.Profile customer, ObjectNode invoice, long amount, long at) {
        if (amount <= 0 || amount >= invoice.get("amount_due").longValue()) {
            throw new IllegalArgumentException("A partial payment pays more than nothing and less than the amount due");
        }
        String status = invoice.get("status").asText();
        ObjectNode txn = transaction(customer, "payment", "success", amount, at, false);
        txn.put("reference_number", String.format("BT-%06d", 100_000 + random.nextInt(900_000)));
        applyPayment(txn, invoice, amount, at);
        invoice.put("status", status);
        invoice.remove("paid_at");
        ((ObjectNode) txn.get("linked_invoices").get(0)).put("invoice_status", status);
        return txn;
    }

    /**
     * A payment that succeeded fails later (a returned direct debit): the transaction becomes {@code late_failure}
     * and what it paid is due again on the invoice, which goes back to {@code payment_due}.
     */
    void lateFailure(ObjectNode payment, ObjectNode invoice, long at) {
        payment.put("status", "late_failure");
        payment.put("error_code", "payment_failed");
        payment.put("error_text", "Bank returned the debit: insufficient funds");
        touch(payment, at);
        long applied = 0;
        for (JsonNode link : invoice.withArrayProperty("linked_payments")) {
            if (link.get("txn_id").asText().equals(payment.get("id").asText())) {
                ((ObjectNode) link).put("txn_status", "late_failure");
                applied += link.get("applied_amount").longValue();
            }
        }
        invoice.put("amount_paid", invoice.get("amount_paid").longValue() - applied);
        invoice.put("status", "payment_due");
        invoice.remove("paid_at");
        refreshAmountDue(invoice);
        touch(invoice, at);
    }

    /** An unpaid invoice voided: nothing is due on it any more. */
    void voidInvoice(ObjectNode invoice, long at) {
        if (invoice.get("amount_paid").longValue() != 0) {
            throw new IllegalStateException("Only an invoice without payments is voided here");
        }
        invoice.put("status", "voided");
        invoice.put("voided_at", at);
        invoice.put("void_reason_code", "Duplicate Invoice");
        invoice.put("amount_due", 0);
        invoice.put("amount_to_collect", 0);
        touch(invoice, at);
    }

    /**
     * An {@code adjustment} credit note that takes {@code credited} (lines of the invoice) off what the invoice owes.
     *
     * @param credited the credited lines' money; its total must not exceed the amount due
     */
    ObjectNode adjustment(DemoCustomers.Profile customer, ObjectNode invoice, ObjectNode credited, long at) {
        long total = credited.get("total").longValue();
        if (total > invoice.get("amount_due").longValue()) {
            throw new IllegalStateException("An adjustment credit note cannot exceed the amount due");
        }
        ObjectNode cn = creditNote(customer, invoice, "adjustment", "order_change", "Order Change", "adjusted",
                credited, at);
        cn.put("amount_allocated", total);
        ObjectNode allocation = cn.withArrayProperty("allocations").addObject();
        allocation.put("invoice_id", invoice.get("id").asText());
        allocation.put("allocated_amount", total);
        allocation.put("allocated_at", at);
        allocation.put("invoice_date", invoice.get("date").longValue());
        allocation.put("invoice_status", invoice.get("status").asText());
        invoice.put("amount_adjusted", invoice.get("amount_adjusted").longValue() + total);
        invoice.withArrayProperty("adjustment_credit_notes").add(createdCreditNote(cn));
        refreshAmountDue(invoice);
        touch(invoice, at);
        return cn;
    }

    /** Voids an adjustment credit note: its allocation is undone and the invoice owes that amount again. */
    void voidAdjustment(ObjectNode cn, ObjectNode invoice, long at) {
        long total = cn.get("total").longValue();
        cn.put("status", "voided");
        cn.put("voided_at", at);
        cn.put("amount_allocated", 0);
        cn.putArray("allocations");
        touch(cn, at);
        invoice.put("amount_adjusted", invoice.get("amount_adjusted").longValue() - total);
        for (JsonNode created : invoice.withArrayProperty("adjustment_credit_notes")) {
            if (created.get("cn_id").asText().equals(cn.get("id").asText())) {
                ((ObjectNode) created).put("cn_status", "voided");
            }
        }
        refreshAmountDue(invoice);
        touch(invoice, at);
    }

    /**
     * Chargebee applies a customer's excess payment to a new invoice: the payment's {@code amount_unused} pays it
     * (up to what it owes), linked both ways with {@code applied_at} after the payment's date.
     *
     * @return the amount applied
     */
    long applyExcess(DemoCustomers.Profile customer, ObjectNode payment, ObjectNode invoice, long at) {
        long applied = Math.min(payment.get("amount_unused").longValue(), invoice.get("amount_due").longValue());
        if (applied <= 0) {
            return 0;
        }
        String status = invoice.get("status").asText();
        applyPayment(payment, invoice, applied, at);
        if (invoice.get("amount_due").longValue() > 0) {
            invoice.put("status", status);
            invoice.remove("paid_at");
        }
        ObjectNode paymentLink = (ObjectNode) invoice.get("linked_payments").get(invoice.get("linked_payments").size() - 1);
        paymentLink.put("txn_date", payment.get("date").longValue());
        payment.put("amount_unused", payment.get("amount_unused").longValue() - applied);
        touch(payment, at);
        ObjectNode json = customer.json();
        json.put("excess_payments", json.get("excess_payments").longValue() - applied);
        json.withArrayProperty("balances").forEach(b -> ((ObjectNode) b).put("excess_payments",
                json.get("excess_payments").longValue()));
        touch(json, at);
        return applied;
    }

    private void applyPayment(ObjectNode txn, ObjectNode invoice, long applied, long at) {
        ObjectNode link = txn.withArrayProperty("linked_invoices").addObject();
        link.put("invoice_id", invoice.get("id").asText());
        link.put("applied_amount", applied);
        link.put("applied_at", at);
        link.put("invoice_date", invoice.get("date").longValue());
        link.put("invoice_total", invoice.get("total").longValue());
        link.put("invoice_status", "paid");
        ObjectNode payment = invoice.withArrayProperty("linked_payments").addObject();
        payment.put("txn_id", txn.get("id").asText());
        payment.put("applied_amount", applied);
        payment.put("applied_at", at);
        payment.put("txn_status", "success");
        payment.put("txn_date", at);
        payment.put("txn_amount", txn.get("amount").longValue());
        invoice.put("amount_paid", invoice.get("amount_paid").longValue() + applied);
        invoice.put("status", "paid");
        invoice.put("paid_at", at);
        refreshAmountDue(invoice);
        touch(invoice, at);
    }

    private ObjectNode transaction(DemoCustomers.Profile customer, String type, String status, long amount, long at,
            boolean card) {
        ObjectNode txn = JSON.objectNode();
        txn.put("id", String.format("txn_sbx_%06d", ++transactionSequence));
        txn.put("customer_id", customer.id());
        txn.put("subscription_id", customer.subscriptionId());
        String currency = customer.currency().toLowerCase(Locale.ROOT);
        if (card) {
            txn.put("gateway_account_id", "gw_stripe_" + currency);
            txn.put("payment_source_id", customer.paymentSourceId());
            txn.put("payment_method", "card");
            txn.put("gateway", "stripe");
            txn.put("id_at_gateway", (type.equals("refund") ? "re_sbx" : "ch_sbx") + transactionSequence);
            txn.put("masked_card_number", "************4242");
        } else {
            txn.put("payment_method", "bank_transfer");
            txn.put("gateway", "not_applicable");
        }
        txn.put("type", type);
        txn.put("date", at);
        if (card) {
            txn.put("settled_at", at + 2 * DAY);
        }
        txn.put("exchange_rate", DemoCatalog.exchangeRate(customer.currency()));
        txn.put("amount", amount);
        txn.put("status", status);
        txn.put("updated_at", at);
        txn.put("resource_version", at * 1000 + random.nextInt(1000));
        txn.put("deleted", false);
        txn.put("object", "transaction");
        txn.put("currency_code", customer.currency());
        txn.put("base_currency_code", "USD");
        if (type.equals("payment")) {
            txn.put("amount_unused", 0);
        }
        txn.putArray("linked_invoices");
        txn.putArray("linked_credit_notes");
        txn.putArray("linked_refunds");
        transactions.add(txn);
        return txn;
    }

    private ObjectNode creditNote(DemoCustomers.Profile customer, ObjectNode invoice, String type, String reasonCode,
            String createReasonCode, String status, ObjectNode money, long at) {
        ObjectNode cn = JSON.objectNode();
        cn.put("id", String.format("CN-2026-%06d", ++creditNoteSequence));
        cn.put("customer_id", customer.id());
        cn.put("subscription_id", customer.subscriptionId());
        cn.put("reference_invoice_id", invoice.get("id").asText());
        cn.put("type", type);
        cn.put("reason_code", reasonCode);
        cn.put("create_reason_code", createReasonCode);
        cn.put("status", status);
        cn.put("date", at);
        cn.put("exchange_rate", DemoCatalog.exchangeRate(customer.currency()));
        cn.put("amount_allocated", 0);
        cn.put("amount_refunded", 0);
        cn.put("amount_available", 0);
        cn.put("generated_at", at);
        cn.put("resource_version", at * 1000 + random.nextInt(1000));
        cn.put("updated_at", at);
        cn.put("channel", "web");
        cn.put("fractional_correction", 0);
        cn.put("deleted", false);
        cn.put("currency_code", customer.currency());
        cn.put("object", "credit_note");
        cn.setAll(money);
        cn.putArray("allocations");
        cn.putArray("linked_refunds");
        creditNotes.add(cn);
        return cn;
    }

    private static ObjectNode createdCreditNote(ObjectNode cn) {
        ObjectNode created = JSON.objectNode();
        created.put("cn_id", cn.get("id").asText());
        created.put("cn_reason_code", cn.get("reason_code").asText());
        created.put("cn_create_reason_code", cn.get("create_reason_code").asText());
        created.put("cn_date", cn.get("date").longValue());
        created.put("cn_total", cn.get("total").longValue());
        created.put("cn_status", cn.get("status").asText());
        return created;
    }

    /** Moves {@code updated_at} forward (never back) and bumps {@code resource_version} with it. */
    void touch(ObjectNode resource, long at) {
        JsonNode current = resource.get("updated_at");
        if (current == null || current.longValue() < at) {
            resource.put("updated_at", at);
            resource.put("resource_version", at * 1000 + random.nextInt(1000));
        }
    }
}
