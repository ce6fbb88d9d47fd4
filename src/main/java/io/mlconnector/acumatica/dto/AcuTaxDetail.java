package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** One {@code SalesInvoiceTaxDetail}: tax as Chargebee computed it, carried onto the document. */
@RegisterForReflection
public record AcuTaxDetail(@io.mlconnector.acumatica.AcuName("TaxID") String taxID, BigDecimal taxableAmount,
                           BigDecimal taxAmount) {}
