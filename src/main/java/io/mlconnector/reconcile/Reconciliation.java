package io.mlconnector.reconcile;

import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.dto.CustomerRow;
import io.mlconnector.acumatica.dto.PaymentRow;
import io.mlconnector.acumatica.dto.SalesDocumentRow;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.file.DiscountPosting;
import io.mlconnector.mapping.file.Mapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares Chargebee's books for a period with Acumatica's, document by document and figure by figure. Pure: no I/O,
 * no clock. Acumatica documents are ours when they carry a Chargebee id as {@code ExternalRef} (a reversal carries the
 * voided document's id and {@value #VOID_SUFFIX}); documents without one are someone else's and are ignored.
 *
 * <p>Amounts: Chargebee's integers in minor units become decimals with the currency's exponent ({@link Money}); both
 * sides are compared exactly ({@code compareTo}), never through a double.
 */
public final class Reconciliation {
    /** The suffix of the ExternalRef of the document that reverses a voided invoice or credit note. */
    public static final String VOID_SUFFIX = "-VOID";

    private final Period period;
    private final Mapping mapping;
    private final Map<String, List<SalesDocumentRow>> salesByRef;
    private final Map<String, List<PaymentRow>> paymentsByRef;
    private final Map<String, NotPosted> notPosted = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<DocumentCheck> checks = new ArrayList<>();

    private Reconciliation(Period period, AcumaticaBooks acumatica, Mapping mapping, List<NotPosted> notPosted) {
        this.period = period;
        this.mapping = mapping;
        this.salesByRef = acumatica.salesDocuments().stream().filter(d -> isOurs(d.externalRef()))
                .collect(Collectors.groupingBy(SalesDocumentRow::externalRef));
        this.paymentsByRef = acumatica.payments().stream().filter(p -> isOurs(p.externalRef()))
                .filter(p -> ArDocumentType.PAYMENT.is(p.type()) || ArDocumentType.CUSTOMER_REFUND.is(p.type()))
                .collect(Collectors.groupingBy(PaymentRow::externalRef));
        notPosted.forEach(n -> this.notPosted.put(n.type() + ":" + n.id(), n));
    }

    /**
     * Chargebee's books for the period next to Acumatica's.
     *
     * @param notPosted documents the connector holds or an operator skipped, with their reasons
     */
    public static ReconciliationResult compare(Period period, ChargebeeBooks chargebee, AcumaticaBooks acumatica,
                                               Mapping mapping, List<NotPosted> notPosted) {
        Reconciliation r = new Reconciliation(period, acumatica, mapping, notPosted);
        chargebee.invoices().stream().sorted(Comparator.comparing(ChargebeeInvoice::id)).forEach(r::checkInvoice);
        chargebee.creditNotes().stream().sorted(Comparator.comparing(ChargebeeCreditNote::id))
                .forEach(r::checkCreditNote);
        chargebee.transactions().stream().sorted(Comparator.comparing(ChargebeeTransaction::id))
                .forEach(r::checkTransaction);
        r.checkExtras(acumatica);
        List<SalesDocumentRow> sales = acumatica.salesDocuments().stream().filter(r::counts).toList();
        List<PaymentRow> payments = acumatica.payments().stream().filter(p -> r.counts(p.externalRef(), p.day()))
                .toList();
        return new ReconciliationResult(period, r.checks, r.openAr(chargebee, sales, payments, acumatica.customers()),
                r.revenue(chargebee, sales), r.totals(chargebee, sales, payments));
    }

    // ---------------------------------------------------------------- documents

    private void checkInvoice(ChargebeeInvoice invoice) {
        String id = invoice.id();
        String currency = invoice.currencyCode();
        claimed.add(id);
        claimed.add(id + VOID_SUFFIX);
        List<SalesDocumentRow> rows = sales(id, ArDocumentType.INVOICE);
        BigDecimal amount = minor(invoice.total(), currency);
        if (!invoice.isClosed()) {
            notPostable("invoice", id, currency, amount, rows, "pending in Chargebee: still open for changes");
            return;
        }
        boolean voided = "voided".equals(invoice.status());
        if (rows.isEmpty()) {
            absent("invoice", id, currency, amount, voided ? "voided in Chargebee before it posted"
                    : invoice.isDeleted() ? "deleted in Chargebee" : null);
            return;
        }
        Optional<SalesDocumentRow> reversal = sales(id + VOID_SUFFIX, ArDocumentType.CREDIT_MEMO).stream().findFirst();
        compareSalesDocument("invoice", id, currency, amount, minor(invoice.amountDue(), currency), rows, voided,
                reversal);
    }

    private void checkCreditNote(ChargebeeCreditNote note) {
        String id = note.id();
        String currency = note.currencyCode();
        claimed.add(id);
        claimed.add(id + VOID_SUFFIX);
        List<SalesDocumentRow> rows = sales(id, ArDocumentType.CREDIT_MEMO);
        BigDecimal amount = minor(note.total(), currency);
        boolean voided = "voided".equals(note.status());
        if (rows.isEmpty()) {
            absent("credit_note", id, currency, amount, voided ? "voided in Chargebee before it posted"
                    : note.isDeleted() ? "deleted in Chargebee" : null);
            return;
        }
        Optional<SalesDocumentRow> reversal = sales(id + VOID_SUFFIX, ArDocumentType.DEBIT_MEMO).stream().findFirst();
        compareSalesDocument("credit_note", id, currency, amount, minor(note.amountAvailable(), currency), rows,
                voided, reversal);
    }

    private void compareSalesDocument(String kind, String id, String currency, BigDecimal amount, BigDecimal open,
                                      List<SalesDocumentRow> rows, boolean voided,
                                      Optional<SalesDocumentRow> reversal) {
        String refs = rows.stream().map(r -> r.type() + " " + r.referenceNbr()).collect(Collectors.joining(", "));
        SalesDocumentRow row = rows.get(0);
        BigDecimal acumaticaAmount = acumatica(row.amount(), currency);
        if (rows.size() > 1) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.DUPLICATE,
                    rows.size() + " Acumatica documents carry this id");
        } else if (amount.compareTo(acumaticaAmount) != 0) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.AMOUNT,
                    "amount " + amount.toPlainString() + " in Chargebee, " + acumaticaAmount.toPlainString()
                            + " in Acumatica");
        } else if (!isReleased(row.status())) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.STATUS,
                    "not released in Acumatica (" + row.status() + ")");
        } else if (voided && reversal.isEmpty() && !ArDocumentStatus.VOIDED.is(row.status())) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.STATUS,
                    "voided in Chargebee, not reversed in Acumatica");
        } else if (!voided && (ArDocumentStatus.VOIDED.is(row.status()) || reversal.isPresent())) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.STATUS,
                    "reversed in Acumatica, not voided in Chargebee");
        } else if (open.compareTo(acumatica(row.balance(), currency)) != 0) {
            add(kind, id, refs, currency, amount, acumaticaAmount, CheckStatus.BALANCE,
                    "open " + open.toPlainString() + " in Chargebee, balance "
                            + acumatica(row.balance(), currency).toPlainString() + " in Acumatica");
        } else {
            add(kind, id, refs + reversal.map(r -> "; reversed by " + r.type() + " " + r.referenceNbr()).orElse(""),
                    currency, amount, acumaticaAmount, CheckStatus.MATCHED, voided ? "voided and reversed" : "");
        }
    }

    private void checkTransaction(ChargebeeTransaction transaction) {
        String id = transaction.id();
        String currency = transaction.currencyCode();
        String type = transaction.type() == null ? "" : transaction.type();
        String status = transaction.status() == null ? "" : transaction.status();
        claimed.add(id);
        BigDecimal amount = minor(transaction.amount(), currency);
        if ("payment_reversal".equals(type) && "success".equals(status)) {
            checkReversal(transaction, amount);
            return;
        }
        if (!"payment".equals(type) && !"refund".equals(type)) {
            add("transaction", id, "", currency, amount, null, CheckStatus.NOT_POSTABLE,
                    type + " transactions do not post");
            return;
        }
        ArDocumentType acumaticaType = "refund".equals(type) ? ArDocumentType.CUSTOMER_REFUND : ArDocumentType.PAYMENT;
        List<PaymentRow> rows = paymentsByRef.getOrDefault(id, List.of()).stream()
                .filter(p -> acumaticaType.is(p.type())).toList();
        boolean lateFailure = "late_failure".equals(status) || "voided".equals(status);
        if (!"success".equals(status) && !lateFailure) {
            notPostable(type, id, currency, amount, List.of(), status + " in Chargebee");
            if (!rows.isEmpty()) {
                replaceLast(CheckStatus.STATUS, refs(rows), status + " in Chargebee but posted in Acumatica");
            }
            return;
        }
        if (rows.isEmpty()) {
            absent(type, id, currency, amount, lateFailure ? status + " in Chargebee before it posted" : null);
            return;
        }
        PaymentRow row = rows.get(0);
        BigDecimal acumaticaAmount = acumatica(row.paymentAmount(), currency);
        String refs = refs(rows);
        boolean voidedThere = ArDocumentStatus.VOIDED.is(row.status());
        if (rows.size() > 1) {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.DUPLICATE,
                    rows.size() + " Acumatica documents carry this id");
        } else if (amount.compareTo(acumaticaAmount) != 0) {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.AMOUNT,
                    "amount " + amount.toPlainString() + " in Chargebee, " + acumaticaAmount.toPlainString()
                            + " in Acumatica");
        } else if (!isReleased(row.status())) {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.STATUS,
                    "not released in Acumatica (" + row.status() + ")");
        } else if (lateFailure != voidedThere) {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.STATUS,
                    status + " in Chargebee, " + row.status() + " in Acumatica");
        } else if ("payment".equals(type) && !lateFailure
                && minor(transaction.amountUnused(), currency).compareTo(acumatica(row.availableBalance(), currency))
                        != 0) {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.BALANCE,
                    "unused " + minor(transaction.amountUnused(), currency).toPlainString() + " in Chargebee, available "
                            + acumatica(row.availableBalance(), currency).toPlainString() + " in Acumatica");
        } else {
            add(type, id, refs, currency, amount, acumaticaAmount, CheckStatus.MATCHED,
                    lateFailure ? "failed late; voided in Acumatica" : "");
        }
    }

    /** A chargeback or returned debit posts nothing of its own: Acumatica voids the payment it reverses. */
    private void checkReversal(ChargebeeTransaction reversal, BigDecimal amount) {
        String target = reversal.referenceTransactionId() == null ? "" : reversal.referenceTransactionId();
        List<PaymentRow> rows = paymentsByRef.getOrDefault(target, List.of()).stream()
                .filter(p -> ArDocumentType.PAYMENT.is(p.type())).toList();
        boolean voided = rows.stream().anyMatch(p -> ArDocumentStatus.VOIDED.is(p.status()));
        add("payment_reversal", reversal.id(), refs(rows), reversal.currencyCode(), amount, null,
                voided ? CheckStatus.MATCHED : CheckStatus.STATUS,
                voided ? "reverses " + target + ", voided in Acumatica"
                        : "reverses " + target + ", which Acumatica has not voided");
    }

    /** Absent from Acumatica: not postable (with why), else held or skipped (with why), else missing. */
    private void absent(String kind, String id, String currency, BigDecimal amount, String notPostableBecause) {
        if (notPostableBecause != null) {
            add(kind, id, "", currency, amount, null, CheckStatus.NOT_POSTABLE, notPostableBecause);
            return;
        }
        NotPosted known = notPosted.get(typeOf(kind) + ":" + id);
        if (known != null) {
            add(kind, id, "", currency, amount, null, known.skipped() ? CheckStatus.SKIPPED : CheckStatus.HELD,
                    known.reason());
            return;
        }
        add(kind, id, "", currency, amount, null, CheckStatus.MISSING, "no Acumatica document carries this id");
    }

    private void notPostable(String kind, String id, String currency, BigDecimal amount, List<SalesDocumentRow> rows,
                             String why) {
        if (rows.isEmpty()) {
            add(kind, id, "", currency, amount, null, CheckStatus.NOT_POSTABLE, why);
        } else {
            add(kind, id, rows.stream().map(r -> r.type() + " " + r.referenceNbr()).collect(Collectors.joining(", ")),
                    currency, amount, acumatica(rows.get(0).amount(), currency), CheckStatus.STATUS,
                    why + ", yet posted in Acumatica");
        }
    }

    private void replaceLast(CheckStatus status, String refs, String detail) {
        DocumentCheck last = checks.remove(checks.size() - 1);
        checks.add(new DocumentCheck(last.kind(), last.chargebeeId(), refs, last.currency(), last.chargebeeAmount(),
                last.acumaticaAmount(), status, detail));
    }

    /** Our Acumatica documents dated in the period that no Chargebee document of the period accounts for. */
    private void checkExtras(AcumaticaBooks acumatica) {
        acumatica.salesDocuments().stream()
                .filter(d -> isOurs(d.externalRef()) && !claimed.contains(d.externalRef()) && period.contains(d.day()))
                .sorted(Comparator.comparing(SalesDocumentRow::externalRef))
                .forEach(d -> add(kindOf(d.type()), d.externalRef(), d.type() + " " + d.referenceNbr(), d.currency(),
                        null, acumatica(d.amount(), d.currency()), CheckStatus.EXTRA,
                        "no Chargebee document of the period has this id"));
        paymentsByRef.values().stream().flatMap(List::stream)
                .filter(p -> !claimed.contains(p.externalRef()) && period.contains(p.day()))
                .sorted(Comparator.comparing(PaymentRow::externalRef))
                .forEach(p -> add(ArDocumentType.CUSTOMER_REFUND.is(p.type()) ? "refund" : "payment", p.externalRef(),
                        p.type() + " " + p.referenceNbr(), p.currencyID(), null,
                        acumatica(p.paymentAmount(), p.currencyID()), CheckStatus.EXTRA,
                        "no Chargebee transaction of the period has this id"));
    }

    // ---------------------------------------------------------------- figures

    /**
     * Open AR per Chargebee customer and currency, for the documents of the period: invoices due, less credits
     * available and payments unused; Acumatica's document balances (credit memos negative) less payments' available
     * balances.
     */
    private List<Comparison> openAr(ChargebeeBooks chargebee, List<SalesDocumentRow> sales, List<PaymentRow> payments,
                                    List<CustomerRow> customers) {
        Figures open = new Figures();
        for (ChargebeeInvoice invoice : chargebee.invoices()) {
            // A voided invoice is owed by no one, whatever amount_due it still shows.
            if (invoice.isClosed() && !"voided".equals(invoice.status()) && !invoice.isDeleted()) {
                open.chargebee(invoice.customerId(), invoice.currencyCode(),
                        minor(invoice.amountDue(), invoice.currencyCode()));
            }
        }
        for (ChargebeeCreditNote note : chargebee.creditNotes()) {
            if (!"voided".equals(note.status()) && !note.isDeleted()) {
                open.chargebee(note.customerId(), note.currencyCode(),
                        minor(note.amountAvailable(), note.currencyCode()).negate());
            }
        }
        for (ChargebeeTransaction t : chargebee.transactions()) {
            if ("payment".equals(t.type()) && "success".equals(t.status()) && !t.isDeleted()) {
                open.chargebee(t.customerId(), t.currencyCode(), minor(t.amountUnused(), t.currencyCode()).negate());
            }
        }
        Map<String, String> chargebeeIdOf = new HashMap<>();
        customers.forEach(c -> chargebeeIdOf.put(upper(c.customerID()), c.accountRef()));
        Function<String, String> customer = id -> Optional.ofNullable(chargebeeIdOf.get(upper(id)))
                .filter(ref -> !ref.isBlank()).orElse("Acumatica " + id + " (no AccountRef)");
        for (SalesDocumentRow d : sales) {
            BigDecimal balance = acumatica(d.balance(), d.currency());
            open.acumatica(customer.apply(d.customerID()), d.currency(),
                    ArDocumentType.CREDIT_MEMO.is(d.type()) ? balance.negate() : balance);
        }
        for (PaymentRow p : payments) {
            if (ArDocumentType.PAYMENT.is(p.type()) && !ArDocumentStatus.VOIDED.is(p.status())) {
                open.acumatica(customer.apply(p.customerID()), p.currencyID(),
                        acumatica(p.availableBalance(), p.currencyID()).negate());
            }
        }
        return open.comparisons();
    }

    /**
     * Revenue and discounts per mapped account and currency: each Chargebee line's price without the tax inside it on
     * its item's account, each discount (without its share of that tax) on the account its type maps to, a write-off
     * net on the write-off account, round-off on the rounding account; credit notes negative. Acumatica's side is the
     * lines' amounts per account, credit memos negative. Voided documents count on neither side (a reversal cancels
     * its original in Acumatica).
     */
    private List<Comparison> revenue(ChargebeeBooks chargebee, List<SalesDocumentRow> sales) {
        Figures revenue = new Figures();
        for (ChargebeeInvoice invoice : chargebee.invoices()) {
            if (invoice.isClosed() && !"voided".equals(invoice.status()) && !invoice.isDeleted()) {
                addLines(revenue, invoice.currencyCode(), "tax_inclusive".equals(invoice.priceType()), false, false,
                        invoice.lineItemsOrEmpty(), nullToEmpty(invoice.lineItemDiscounts()),
                        invoice.roundOffAmount());
            }
        }
        for (ChargebeeCreditNote note : chargebee.creditNotes()) {
            if (!"voided".equals(note.status()) && !note.isDeleted()) {
                addLines(revenue, note.currencyCode(), "tax_inclusive".equals(note.priceType()), true,
                        "write off".equalsIgnoreCase(note.createReasonCode()),
                        note.lineItems() == null ? List.of() : note.lineItems(),
                        nullToEmpty(note.lineItemDiscounts()), note.roundOffAmount());
            }
        }
        for (SalesDocumentRow d : sales) {
            boolean negative = ArDocumentType.CREDIT_MEMO.is(d.type());
            for (SalesDocumentRow.Line line : d.detailsOrEmpty()) {
                BigDecimal amount = line.amount() == null ? BigDecimal.ZERO : line.amount();
                revenue.acumatica(String.valueOf(line.account()), d.currency(), negative ? amount.negate() : amount);
            }
        }
        return revenue.comparisons();
    }

    private void addLines(Figures revenue, String currency, boolean inclusive, boolean creditNote, boolean writeOff,
                          List<InvoiceLineItem> lines, List<ChargebeeInvoice.LineItemDiscount> allDiscounts,
                          Long roundOff) {
        int sign = creditNote ? -1 : 1;
        boolean discountLines = mapping.discountPosting() == DiscountPosting.DISCOUNT_LINES;
        for (InvoiceLineItem line : lines) {
            long gross = nz(line.amount());
            long tax = inclusive ? nz(line.taxAmount()) : 0;
            Map<String, Long> discounts = new LinkedHashMap<>();
            for (ChargebeeInvoice.LineItemDiscount d : allDiscounts) {
                if (line.id() != null && line.id().equals(d.lineItemId())) {
                    discounts.merge(String.valueOf(d.discountType()), nz(d.discountAmount()), Long::sum);
                }
            }
            long discounted = discounts.values().stream().mapToLong(Long::longValue).sum();
            String itemAccount = mapping.itemFor(line.entityType(), line.entityId()).salesAccount();
            if (writeOff) {
                revenue.chargebee(mapping.writeOff().account(), currency, minor(sign * (gross - discounted - tax),
                        currency));
                continue;
            }
            long taxOnDiscounts = 0;
            for (Map.Entry<String, Long> discount : discounts.entrySet()) {
                long share = gross == discounted ? 0 : BigDecimal.valueOf(tax * discount.getValue())
                        .divide(BigDecimal.valueOf(gross - discounted), 0, RoundingMode.HALF_EVEN).longValueExact();
                taxOnDiscounts += share;
                String account = discountLines ? mapping.discountFor(discount.getKey()).salesAccount() : itemAccount;
                revenue.chargebee(account, currency, minor(-sign * (discount.getValue() - share), currency));
            }
            revenue.chargebee(itemAccount, currency, minor(sign * (gross - tax - taxOnDiscounts), currency));
        }
        if (nz(roundOff) != 0) {
            revenue.chargebee(mapping.rounding().salesAccount(), currency, minor(sign * nz(roundOff), currency));
        }
    }

    /**
     * Totals per currency: invoices, credit notes, payments and refunds that stand (voided and failed ones count on
     * neither side: in Acumatica a reversal or void cancels them).
     */
    private List<Comparison> totals(ChargebeeBooks chargebee, List<SalesDocumentRow> sales, List<PaymentRow> payments) {
        Figures totals = new Figures();
        chargebee.invoices().stream().filter(i -> i.isClosed() && !"voided".equals(i.status()) && !i.isDeleted())
                .forEach(i -> totals.chargebee("Invoices", i.currencyCode(), minor(i.total(), i.currencyCode())));
        chargebee.creditNotes().stream().filter(c -> !"voided".equals(c.status()) && !c.isDeleted())
                .forEach(c -> totals.chargebee("Credit notes", c.currencyCode(), minor(c.total(), c.currencyCode())));
        chargebee.transactions().stream().filter(t -> "success".equals(t.status()) && !t.isDeleted())
                .filter(t -> "payment".equals(t.type()) || "refund".equals(t.type()))
                .forEach(t -> totals.chargebee("payment".equals(t.type()) ? "Payments" : "Refunds", t.currencyCode(),
                        minor(t.amount(), t.currencyCode())));
        for (SalesDocumentRow d : sales) {
            BigDecimal amount = acumatica(d.amount(), d.currency());
            boolean reversal = d.externalRef().endsWith(VOID_SUFFIX);
            if (ArDocumentType.INVOICE.is(d.type())) {
                totals.acumatica("Invoices", d.currency(), amount);
            } else if (ArDocumentType.CREDIT_MEMO.is(d.type())) {
                totals.acumatica(reversal ? "Invoices" : "Credit notes", d.currency(),
                        reversal ? amount.negate() : amount);
            } else if (ArDocumentType.DEBIT_MEMO.is(d.type()) && reversal) {
                totals.acumatica("Credit notes", d.currency(), amount.negate());
            }
        }
        for (PaymentRow p : payments) {
            if (!ArDocumentStatus.VOIDED.is(p.status())) {
                totals.acumatica(ArDocumentType.PAYMENT.is(p.type()) ? "Payments" : "Refunds", p.currencyID(),
                        acumatica(p.paymentAmount(), p.currencyID()));
            }
        }
        return totals.comparisons();
    }

    // ---------------------------------------------------------------- helpers

    private boolean counts(SalesDocumentRow d) {
        return counts(d.externalRef(), d.day());
    }

    /** An Acumatica document counts in the figures when it belongs to a Chargebee document read, or is dated in the period. */
    private boolean counts(String externalRef, java.time.LocalDate day) {
        return isOurs(externalRef) && (claimed.contains(externalRef) || period.contains(day));
    }

    private List<SalesDocumentRow> sales(String externalRef, ArDocumentType type) {
        return salesByRef.getOrDefault(externalRef, List.of()).stream().filter(d -> type.is(d.type())).toList();
    }

    private void add(String kind, String id, String refs, String currency, BigDecimal chargebee, BigDecimal acumatica,
                     CheckStatus status, String detail) {
        checks.add(new DocumentCheck(kind, id, refs, currency, chargebee, acumatica, status, detail));
    }

    private static String refs(List<PaymentRow> rows) {
        return rows.stream().map(r -> r.type() + " " + r.referenceNbr()).collect(Collectors.joining(", "));
    }

    private static boolean isReleased(String status) {
        return ArDocumentStatus.OPEN.is(status) || ArDocumentStatus.CLOSED.is(status)
                || ArDocumentStatus.VOIDED.is(status);
    }

    private static boolean isOurs(String externalRef) {
        return externalRef != null && !externalRef.isBlank();
    }

    private static String kindOf(String acumaticaType) {
        return ArDocumentType.CREDIT_MEMO.is(acumaticaType) ? "credit_note"
                : ArDocumentType.DEBIT_MEMO.is(acumaticaType) ? "debit_memo" : "invoice";
    }

    /** The {@link NotPosted#type()} a check's kind is listed under. */
    private static String typeOf(String kind) {
        return "payment".equals(kind) || "refund".equals(kind) ? "transaction" : kind;
    }

    private static BigDecimal minor(Long minorUnits, String currency) {
        return Money.ofMinor(minorUnits == null ? 0 : minorUnits, currency).scaled();
    }

    private static BigDecimal acumatica(BigDecimal amount, String currency) {
        return Figures.scaled(amount == null ? BigDecimal.ZERO : amount, currency);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.ROOT);
    }
}
