package io.mlconnector.mapping.file;

/** How an AR document shows the discounts on its lines ({@code discounts.posting}). */
public enum DiscountPosting implements YamlWord {
    /**
     * Each line posts its full price to its sales account; its discounts (coupons, promotional credits, prorated
     * credits ...) post as negative lines on the accounts {@code discounts} maps their type to. The GL shows gross
     * revenue and every discount on its own account, whatever Acumatica's AR preferences say. The default.
     */
    DISCOUNT_LINES("discount_lines"),
    /**
     * Each line carries its discount as Acumatica's line discount ({@code DiscountAmount}) and posts net. Where the
     * discount lands is then Acumatica's choice (AR Preferences, "Post Line Discounts Separately").
     */
    LINE_DISCOUNT("line_discount");

    private final String yamlWord;

    DiscountPosting(String yamlWord) {
        this.yamlWord = yamlWord;
    }

    @Override
    public String yamlWord() {
        return yamlWord;
    }
}
