package io.mlconnector.mapping.file;

/** The validated sections of one mapping file, handed from {@link MappingFile} to {@link Mapping}. */
record MappingSections(
        CustomerSection customers,
        ItemRules items,
        DiscountRules discounts,
        TaxRules taxes,
        Rule rounding,
        Rule writeOff,
        Rule badDebt,
        PaymentRules payments,
        VoidPolicy voidedInvoices,
        GlSummarySection glSummary,
        SiteCalendar site) {}
