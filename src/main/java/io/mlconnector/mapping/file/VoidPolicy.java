package io.mlconnector.mapping.file;

/** What the connector does in Acumatica when Chargebee voids an invoice it has already posted. */
public enum VoidPolicy implements YamlWord {
    /**
     * Post a Credit Memo for the invoice and apply it: works for released invoices in closed periods and keeps the
     * audit trail; the safe choice.
     */
    CREDIT_MEMO("credit_memo"),
    /** Use Acumatica's Void action on the invoice itself; Acumatica refuses it once payments or credits are applied. */
    VOID("void");

    private final String yamlWord;

    VoidPolicy(String yamlWord) {
        this.yamlWord = yamlWord;
    }

    @Override
    public String yamlWord() {
        return yamlWord;
    }
}
