package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One invoice line. {@code *_in_decimal} fields are present on sites with multi-decimal pricing and win when set. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvoiceLineItem(String id, Instant dateFrom, Instant dateTo, Long unitAmount, Integer quantity,
                              Long amount, Long discountAmount, Long itemLevelDiscountAmount, Long taxAmount,
                              Boolean isTaxed, String description, String entityType, String entityId,
                              String unitAmountInDecimal, String quantityInDecimal, String amountInDecimal) {}
