package io.mlconnector.acumatica;

import java.util.Optional;

/** A {@code JournalTransaction}'s (GL batch's) {@code Status} as the contract-based API spells it. */
public enum JournalStatus implements WireNamed {
    ON_HOLD("On Hold"),
    BALANCED("Balanced"),
    /** Released, not posted yet. */
    UNPOSTED("Unposted"),
    /** Released where posting is a separate step. */
    RELEASED("Released"),
    /** Released and posted to the ledger. */
    POSTED("Posted");

    private final String wireName;

    JournalStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The status a {@code Status} value names (exactly); empty for anything else. */
    public static Optional<JournalStatus> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
