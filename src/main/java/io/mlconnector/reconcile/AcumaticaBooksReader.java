package io.mlconnector.reconcile;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.ODataFilter;
import io.mlconnector.acumatica.dto.CustomerRow;
import io.mlconnector.acumatica.dto.PaymentRow;
import io.mlconnector.acumatica.dto.SalesDocumentRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Acumatica's AR documents for a period through the contract-based API ({@code $filter} on the document date,
 * {@code $select}, {@code $expand=Details}, {@code $top}/{@code $skip} pages of 100): sales invoices, debit and credit
 * memos with their lines, payments and refunds, and the customers they name (for the Chargebee id in
 * {@code AccountRef}). Dates are read a day either side of the period: a document date is a day without a time, and
 * which offset Acumatica compares it in is not documented; {@link Reconciliation} places each document by its day.
 */
@ApplicationScoped
public class AcumaticaBooksReader {
    static final int PAGE_SIZE = 100;
    /** Customers per list call ({@code CustomerID eq … or …}): keeps the query string well under URL limits. */
    static final int CUSTOMERS_PER_CALL = 20;

    private final AcumaticaClient acumatica;

    public AcumaticaBooksReader(AcumaticaClient acumatica) {
        this.acumatica = acumatica;
    }

    public AcumaticaBooks read(Period period) {
        List<SalesDocumentRow> sales = acumatica.findAll(AcumaticaEntity.SALES_INVOICE.wireName(),
                dated("Date", period), SalesDocumentRow.class, PAGE_SIZE);
        List<PaymentRow> payments = acumatica.findAll(AcumaticaEntity.PAYMENT.wireName(),
                dated("ApplicationDate", period), PaymentRow.class, PAGE_SIZE);
        Set<String> customerIds = new TreeSet<>();
        sales.forEach(d -> addId(customerIds, d.customerID()));
        payments.forEach(p -> addId(customerIds, p.customerID()));
        return new AcumaticaBooks(sales, payments, customers(customerIds));
    }

    private List<CustomerRow> customers(Set<String> ids) {
        List<CustomerRow> customers = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == CUSTOMERS_PER_CALL) {
                customers.addAll(customersNamed(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            customers.addAll(customersNamed(chunk));
        }
        return customers;
    }

    private List<CustomerRow> customersNamed(List<String> ids) {
        String filter = ODataFilter.eq("CustomerID", ids.get(0));
        for (String id : ids.subList(1, ids.size())) {
            filter = ODataFilter.or(filter, ODataFilter.eq("CustomerID", id));
        }
        return acumatica.findAll(AcumaticaEntity.CUSTOMER.wireName(), filter, CustomerRow.class, PAGE_SIZE);
    }

    private static String dated(String field, Period period) {
        return ODataFilter.and(ODataFilter.onOrAfter(field, midnightUtc(period.from().minusDays(1))),
                ODataFilter.before(field, midnightUtc(period.until().plusDays(1))));
    }

    private static OffsetDateTime midnightUtc(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static void addId(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id.toUpperCase(Locale.ROOT));
        }
    }
}
