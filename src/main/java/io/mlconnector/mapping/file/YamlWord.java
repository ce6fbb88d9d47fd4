package io.mlconnector.mapping.file;

/** An enum constant as the mapping file spells it, e.g. {@code credit_memo}. */
interface YamlWord {
    String yamlWord();
}
