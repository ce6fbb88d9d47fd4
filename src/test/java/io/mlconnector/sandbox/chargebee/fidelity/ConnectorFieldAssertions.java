package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.chargebee.models.CreditNote;
import com.chargebee.models.Customer;
import com.chargebee.models.Invoice;
import com.chargebee.models.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads, through the official SDK's typed getters, the attributes the connector uses (its DTOs under
 * {@code io.mlconnector.chargebee.dto} and the settlement links of payments and credit notes) and compares each
 * with the record in the data file: same value, in the Java type the SDK declares. Invoices and credit notes are
 * compared as a default read serves them: a document with many lines only with its first page
 * ({@link DefaultLineItemPage}).
 */
final class ConnectorFieldAssertions {

    private ConnectorFieldAssertions() {
    }

    static void customer(Customer customer, JsonNode expected) {
        FieldAssert f = new FieldAssert(expected, "customer " + expected.path("id").asText());
        f.text("id", customer.id());
        f.text("first_name", customer.firstName());
        f.text("last_name", customer.lastName());
        f.text("email", customer.email());
        f.text("phone", customer.phone());
        f.text("company", customer.company());
        f.text("preferred_currency_code", customer.preferredCurrencyCode());
        f.text("vat_number", customer.vatNumber());
        f.integer("net_term_days", customer.netTermDays());
        f.enumValue("taxability", customer.taxability());
        f.enumValue("auto_collection", customer.autoCollection());
        f.bool("deleted", customer.deleted());
        f.timestamp("created_at", customer.createdAt());
        f.timestamp("updated_at", customer.updatedAt());
        f.longValue("resource_version", customer.resourceVersion());
        if (expected.hasNonNull("billing_address")) {
            Customer.BillingAddress address = customer.billingAddress();
            assertNotNull(address, "customer " + customer.id() + ".billing_address");
            FieldAssert a = f.child("billing_address");
            a.text("first_name", address.firstName());
            a.text("last_name", address.lastName());
            a.text("email", address.email());
            a.text("company", address.company());
            a.text("phone", address.phone());
            a.text("line1", address.line1());
            a.text("line2", address.line2());
            a.text("line3", address.line3());
            a.text("city", address.city());
            a.text("state_code", address.stateCode());
            a.text("state", address.state());
            a.text("country", address.country());
            a.text("zip", address.zip());
        }
    }

    static void invoice(Invoice invoice, JsonNode fileInvoice) {
        String where = "invoice " + fileInvoice.path("id").asText();
        JsonNode expected = DefaultLineItemPage.expected(fileInvoice, invoice.jsonObj, where);
        FieldAssert f = new FieldAssert(expected, where);
        f.text("id", invoice.id());
        f.text("customer_id", invoice.customerId());
        f.text("subscription_id", invoice.subscriptionId());
        f.enumValue("status", invoice.status());
        f.enumValue("price_type", invoice.priceType());
        f.text("currency_code", invoice.currencyCode());
        f.decimal("exchange_rate", invoice.exchangeRate());
        f.timestamp("date", invoice.date());
        f.timestamp("due_date", invoice.dueDate());
        f.integer("net_term_days", invoice.netTermDays());
        f.timestamp("paid_at", invoice.paidAt());
        f.timestamp("voided_at", invoice.voidedAt());
        f.longValue("sub_total", invoice.subTotal());
        f.longValue("tax", invoice.tax());
        f.longValue("total", invoice.total());
        f.longValue("amount_paid", invoice.amountPaid());
        f.longValue("amount_due", invoice.amountDue());
        f.longValue("amount_adjusted", invoice.amountAdjusted());
        f.longValue("write_off_amount", invoice.writeOffAmount());
        f.longValue("credits_applied", invoice.creditsApplied());
        f.longValue("round_off_amount", invoice.roundOffAmount());
        f.text("po_number", invoice.poNumber());
        f.text("void_reason_code", invoice.voidReasonCode());
        f.bool("deleted", invoice.deleted());
        f.timestamp("updated_at", invoice.updatedAt());
        f.longValue("resource_version", invoice.resourceVersion());

        List<Invoice.LineItem> lines = invoice.lineItems();
        for (int i = 0; i < f.sameSize("line_items", lines); i++) {
            Invoice.LineItem line = lines.get(i);
            FieldAssert l = f.element("line_items", i);
            l.text("id", line.id());
            l.timestamp("date_from", line.dateFrom());
            l.timestamp("date_to", line.dateTo());
            l.longValue("unit_amount", line.unitAmount());
            l.integer("quantity", line.quantity());
            l.longValue("amount", line.amount());
            l.longValue("discount_amount", line.discountAmount());
            l.longValue("item_level_discount_amount", line.itemLevelDiscountAmount());
            l.longValue("tax_amount", line.taxAmount());
            l.number("tax_rate", line.taxRate());
            l.bool("is_taxed", line.isTaxed());
            l.text("description", line.description());
            l.enumValue("entity_type", line.entityType());
            l.text("entity_id", line.entityId());
            l.enumValue("pricing_model", line.pricingModel());
            l.enumValue("tax_exempt_reason", line.taxExemptReason());
            l.text("unit_amount_in_decimal", line.unitAmountInDecimal());
            l.text("quantity_in_decimal", line.quantityInDecimal());
            l.text("amount_in_decimal", line.amountInDecimal());
        }
        List<Invoice.Tax> taxes = invoice.taxes();
        for (int i = 0; i < f.sameSize("taxes", taxes); i++) {
            FieldAssert t = f.element("taxes", i);
            t.text("name", taxes.get(i).name());
            t.longValue("amount", taxes.get(i).amount());
            t.text("description", taxes.get(i).description());
        }
        List<Invoice.LineItemTax> lineTaxes = invoice.lineItemTaxes();
        for (int i = 0; i < f.sameSize("line_item_taxes", lineTaxes); i++) {
            FieldAssert t = f.element("line_item_taxes", i);
            t.text("line_item_id", lineTaxes.get(i).lineItemId());
            t.text("tax_name", lineTaxes.get(i).taxName());
            t.number("tax_rate", lineTaxes.get(i).taxRate());
            t.longValue("taxable_amount", lineTaxes.get(i).taxableAmount());
            t.longValue("tax_amount", lineTaxes.get(i).taxAmount());
            t.enumValue("tax_juris_type", lineTaxes.get(i).taxJurisType());
        }
        List<Invoice.Discount> discounts = invoice.discounts();
        for (int i = 0; i < f.sameSize("discounts", discounts); i++) {
            FieldAssert d = f.element("discounts", i);
            d.longValue("amount", discounts.get(i).amount());
            d.enumValue("entity_type", discounts.get(i).entityType());
            d.text("entity_id", discounts.get(i).entityId());
        }
        List<Invoice.LineItemDiscount> lineDiscounts = invoice.lineItemDiscounts();
        for (int i = 0; i < f.sameSize("line_item_discounts", lineDiscounts); i++) {
            FieldAssert d = f.element("line_item_discounts", i);
            d.text("line_item_id", lineDiscounts.get(i).lineItemId());
            d.enumValue("discount_type", lineDiscounts.get(i).discountType());
            d.text("coupon_id", lineDiscounts.get(i).couponId());
            d.text("entity_id", lineDiscounts.get(i).entityId());
            d.longValue("discount_amount", lineDiscounts.get(i).discountAmount());
        }
        List<Invoice.AppliedCredit> credits = invoice.appliedCredits();
        for (int i = 0; i < f.sameSize("applied_credits", credits); i++) {
            FieldAssert c = f.element("applied_credits", i);
            c.text("cn_id", credits.get(i).cnId());
            c.longValue("applied_amount", credits.get(i).appliedAmount());
            c.timestamp("applied_at", credits.get(i).appliedAt());
            c.enumValue("cn_reason_code", credits.get(i).cnReasonCode());
            c.enumValue("cn_status", credits.get(i).cnStatus());
        }
        List<Invoice.LinkedPayment> payments = invoice.linkedPayments();
        for (int i = 0; i < f.sameSize("linked_payments", payments); i++) {
            FieldAssert p = f.element("linked_payments", i);
            p.text("txn_id", payments.get(i).txnId());
            p.longValue("applied_amount", payments.get(i).appliedAmount());
            p.timestamp("applied_at", payments.get(i).appliedAt());
            p.enumValue("txn_status", payments.get(i).txnStatus());
            p.longValue("txn_amount", payments.get(i).txnAmount());
        }
        List<Invoice.IssuedCreditNote> issued = invoice.issuedCreditNotes();
        for (int i = 0; i < f.sameSize("issued_credit_notes", issued); i++) {
            FieldAssert c = f.element("issued_credit_notes", i);
            c.text("cn_id", issued.get(i).cnId());
            c.enumValue("cn_reason_code", issued.get(i).cnReasonCode());
            c.enumValue("cn_status", issued.get(i).cnStatus());
            c.longValue("cn_total", issued.get(i).cnTotal());
        }
        List<Invoice.AdjustmentCreditNote> adjustments = invoice.adjustmentCreditNotes();
        for (int i = 0; i < f.sameSize("adjustment_credit_notes", adjustments); i++) {
            FieldAssert c = f.element("adjustment_credit_notes", i);
            c.text("cn_id", adjustments.get(i).cnId());
            c.enumValue("cn_reason_code", adjustments.get(i).cnReasonCode());
            c.enumValue("cn_status", adjustments.get(i).cnStatus());
            c.longValue("cn_total", adjustments.get(i).cnTotal());
        }
    }

    static void creditNote(CreditNote note, JsonNode fileNote) {
        String where = "credit note " + fileNote.path("id").asText();
        JsonNode expected = DefaultLineItemPage.expected(fileNote, note.jsonObj, where);
        FieldAssert f = new FieldAssert(expected, where);
        f.text("id", note.id());
        f.text("customer_id", note.customerId());
        f.text("subscription_id", note.subscriptionId());
        f.text("reference_invoice_id", note.referenceInvoiceId());
        f.enumValue("type", note.type());
        f.enumValue("reason_code", note.reasonCode());
        f.text("create_reason_code", note.createReasonCode());
        f.enumValue("status", note.status());
        f.enumValue("price_type", note.priceType());
        f.text("currency_code", note.currencyCode());
        f.timestamp("date", note.date());
        f.timestamp("refunded_at", note.refundedAt());
        f.timestamp("voided_at", note.voidedAt());
        f.longValue("sub_total", note.subTotal());
        f.longValue("total", note.total());
        f.longValue("amount_allocated", note.amountAllocated());
        f.longValue("amount_refunded", note.amountRefunded());
        f.longValue("amount_available", note.amountAvailable());
        f.longValue("round_off_amount", note.roundOffAmount());
        f.bool("deleted", note.deleted());
        f.timestamp("updated_at", note.updatedAt());
        f.longValue("resource_version", note.resourceVersion());

        List<CreditNote.LineItem> lines = note.lineItems();
        for (int i = 0; i < f.sameSize("line_items", lines); i++) {
            CreditNote.LineItem line = lines.get(i);
            FieldAssert l = f.element("line_items", i);
            l.text("id", line.id());
            l.longValue("unit_amount", line.unitAmount());
            l.integer("quantity", line.quantity());
            l.longValue("amount", line.amount());
            l.longValue("discount_amount", line.discountAmount());
            l.longValue("item_level_discount_amount", line.itemLevelDiscountAmount());
            l.longValue("tax_amount", line.taxAmount());
            l.number("tax_rate", line.taxRate());
            l.timestamp("date_from", line.dateFrom());
            l.timestamp("date_to", line.dateTo());
            l.bool("is_taxed", line.isTaxed());
            l.text("description", line.description());
            l.enumValue("entity_type", line.entityType());
            l.text("entity_id", line.entityId());
            l.text("reference_line_item_id", line.referenceLineItemId());
        }
        List<CreditNote.Tax> taxes = note.taxes();
        for (int i = 0; i < f.sameSize("taxes", taxes); i++) {
            FieldAssert t = f.element("taxes", i);
            t.text("name", taxes.get(i).name());
            t.longValue("amount", taxes.get(i).amount());
        }
        List<CreditNote.Allocation> allocations = note.allocations();
        for (int i = 0; i < f.sameSize("allocations", allocations); i++) {
            FieldAssert a = f.element("allocations", i);
            a.text("invoice_id", allocations.get(i).invoiceId());
            a.longValue("allocated_amount", allocations.get(i).allocatedAmount());
            a.timestamp("allocated_at", allocations.get(i).allocatedAt());
            a.timestamp("invoice_date", allocations.get(i).invoiceDate());
            a.enumValue("invoice_status", allocations.get(i).invoiceStatus());
        }
        List<CreditNote.LinkedRefund> refunds = note.linkedRefunds();
        for (int i = 0; i < f.sameSize("linked_refunds", refunds); i++) {
            FieldAssert r = f.element("linked_refunds", i);
            r.text("txn_id", refunds.get(i).txnId());
            r.longValue("applied_amount", refunds.get(i).appliedAmount());
            r.timestamp("applied_at", refunds.get(i).appliedAt());
            r.enumValue("txn_status", refunds.get(i).txnStatus());
            r.longValue("txn_amount", refunds.get(i).txnAmount());
        }
    }

    static void transaction(Transaction txn, JsonNode expected) {
        FieldAssert f = new FieldAssert(expected, "transaction " + expected.path("id").asText());
        f.text("id", txn.id());
        f.text("customer_id", txn.customerId());
        f.text("subscription_id", txn.subscriptionId());
        f.enumValue("type", txn.type());
        f.enumValue("status", txn.status());
        f.enumValue("payment_method", txn.paymentMethod());
        f.enumValue("gateway", txn.gateway());
        f.text("gateway_account_id", txn.gatewayAccountId());
        f.text("currency_code", txn.currencyCode());
        f.decimal("exchange_rate", txn.exchangeRate());
        f.longValue("amount", txn.amount());
        f.longValue("amount_unused", txn.amountUnused());
        f.timestamp("date", txn.date());
        f.timestamp("settled_at", txn.settledAt());
        f.text("id_at_gateway", txn.idAtGateway());
        f.text("reference_number", txn.referenceNumber());
        f.text("error_code", txn.errorCode());
        f.text("error_text", txn.errorText());
        f.text("refunded_txn_id", txn.refundedTxnId());
        f.text("reference_transaction_id", txn.referenceTransactionId());
        f.text("reversal_transaction_id", txn.reversalTransactionId());
        f.bool("deleted", txn.deleted());
        f.timestamp("updated_at", txn.updatedAt());
        f.longValue("resource_version", txn.resourceVersion());

        List<Transaction.LinkedInvoice> invoices = txn.linkedInvoices();
        for (int i = 0; i < f.sameSize("linked_invoices", invoices); i++) {
            FieldAssert l = f.element("linked_invoices", i);
            l.text("invoice_id", invoices.get(i).invoiceId());
            l.longValue("applied_amount", invoices.get(i).appliedAmount());
            l.timestamp("applied_at", invoices.get(i).appliedAt());
            l.timestamp("invoice_date", invoices.get(i).invoiceDate());
            l.longValue("invoice_total", invoices.get(i).invoiceTotal());
            l.enumValue("invoice_status", invoices.get(i).invoiceStatus());
        }
        List<Transaction.LinkedCreditNote> creditNotes = txn.linkedCreditNotes();
        for (int i = 0; i < f.sameSize("linked_credit_notes", creditNotes); i++) {
            FieldAssert l = f.element("linked_credit_notes", i);
            l.text("cn_id", creditNotes.get(i).cnId());
            l.longValue("applied_amount", creditNotes.get(i).appliedAmount());
            l.timestamp("applied_at", creditNotes.get(i).appliedAt());
            l.enumValue("cn_reason_code", creditNotes.get(i).cnReasonCode());
            l.enumValue("cn_status", creditNotes.get(i).cnStatus());
            l.longValue("cn_total", creditNotes.get(i).cnTotal());
            l.text("cn_reference_invoice_id", creditNotes.get(i).cnReferenceInvoiceId());
        }
        List<Transaction.LinkedRefund> refunds = txn.linkedRefunds();
        for (int i = 0; i < f.sameSize("linked_refunds", refunds); i++) {
            FieldAssert l = f.element("linked_refunds", i);
            l.text("txn_id", refunds.get(i).txnId());
            l.enumValue("txn_status", refunds.get(i).txnStatus());
            l.timestamp("txn_date", refunds.get(i).txnDate());
            l.longValue("txn_amount", refunds.get(i).txnAmount());
        }
    }
}
