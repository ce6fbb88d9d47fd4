package io.mlconnector.mapping.file;

import java.util.Objects;

/**
 * A GL account and subaccount for postings that are not sales lines (write-offs, bad debt).
 *
 * @param rule the key path the account came from, e.g. {@code write_off}
 */
public record PostingAccount(String account, String subaccount, String rule) {
    public PostingAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(subaccount, "subaccount");
        Objects.requireNonNull(rule, "rule");
    }
}
