package io.mlconnector.mapping.file;

/**
 * An Acumatica id as written in the mapping file, with where it was written, so references and resolution results
 * can point back to the line that produced them.
 */
record SourcedCode(Reference.Kind kind, String value, String keyPath, SourcePosition position) {

    Reference toReference() {
        return new Reference(kind, value, null, keyPath, position.line());
    }

    Reference toCashAccountReference(String paymentMethod) {
        return new Reference(kind, value, paymentMethod, keyPath, position.line());
    }
}
