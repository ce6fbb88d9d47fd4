package io.mlconnector.acumatica;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value the contract-based API spells one exact way on the wire (an entity, an action, a document type or status).
 * The enums that implement it are what the connector, its mappers and the Acumatica sandbox decide by; the string
 * only appears where a body is written or read.
 */
public interface WireNamed {

    /** The exact string Acumatica sends and expects, e.g. {@code "Credit Memo"}. */
    String wireName();

    /** Whether a value read off the wire names this constant (exactly, as Acumatica compares). */
    default boolean is(String wireValue) {
        return wireName().equals(wireValue);
    }

    /** The constant a wire value names, if any; {@code null} and unknown strings name none. */
    static <E extends Enum<E> & WireNamed> Optional<E> find(E[] constants, String wireValue) {
        return Arrays.stream(constants).filter(constant -> constant.is(wireValue)).findFirst();
    }
}
