package io.mlconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Reading journal transactions as the Acumatica sandbox returns them. */
public final class JournalLines {
    private JournalLines() {}

    /** Debits less credits on one account of a journal. */
    public static BigDecimal net(JsonNode journal, String account) {
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode line : journal.path("Details")) {
            if (account.equals(line.at("/Account/value").asText())) {
                net = net.add(line.at("/DebitAmount/value").decimalValue())
                        .subtract(line.at("/CreditAmount/value").decimalValue());
            }
        }
        return net;
    }
}
