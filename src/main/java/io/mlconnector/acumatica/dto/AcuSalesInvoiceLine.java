package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** One {@code SalesInvoiceDetail} line. */
@RegisterForReflection
public record AcuSalesInvoiceLine(String inventoryID, String transactionDescr, BigDecimal qty, BigDecimal unitPrice,
                                  BigDecimal amount, BigDecimal discountAmount, Boolean manualPrice,
                                  Boolean manualDiscount, String account, String subAccount) {}
