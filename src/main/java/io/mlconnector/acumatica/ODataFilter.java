package io.mlconnector.acumatica;

/** OData {@code $filter} literals, escaped: a quote inside a string literal is doubled. */
public final class ODataFilter {
    private ODataFilter() {}

    public static String eq(String field, String value) {
        return field + " eq " + literal(value);
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
