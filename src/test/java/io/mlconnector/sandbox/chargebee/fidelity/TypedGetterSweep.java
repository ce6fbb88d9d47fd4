package io.mlconnector.sandbox.chargebee.fidelity;

import com.chargebee.internal.Resource;
import com.chargebee.internal.ResultBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Calls every typed getter the official SDK offers on a parsed model, recursively through sub-resources, lists and
 * event content, and reports what the SDK could not read.
 *
 * <p>The SDK parses lazily: a body is accepted as JSON first, and a field only fails when its getter runs ("Wrong
 * type. Expecing Long", "Type mismatch for property", "The property [x] is not present"). An unexpected enum value
 * does not fail at all: it is logged and read as {@code _UNKNOWN}. So "the SDK read it" means: every getter ran
 * without an exception and no enum came back {@code _UNKNOWN}. Getters of absent optional fields return null and
 * are fine.
 */
final class TypedGetterSweep {

    private static final String UNKNOWN_ENUM = "_UNKNOWN";
    /** Models nest a few levels (event, content, invoice, line item...); this only guards against cycles. */
    private static final int MAX_DEPTH = 8;

    private TypedGetterSweep() {
    }

    /** Every getter failure or {@code _UNKNOWN} enum under {@code model}, each prefixed with its path. */
    static List<String> problemsIn(Object model, String path) {
        List<String> problems = new ArrayList<>();
        visit(model, path, problems, 0);
        return problems;
    }

    private static void visit(Object node, String path, List<String> problems, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(path + ": nested deeper than " + MAX_DEPTH);
            return;
        }
        if (node instanceof Resource<?> resource) {
            for (Method getter : gettersDeclaredOn(resource.getClass())) {
                read(resource, getter, path, problems, depth);
            }
        } else if (node instanceof ResultBase content) {
            // Event content: one accessor per resource name, declared on ResultBase; absent ones return null.
            for (Method getter : gettersDeclaredOn(ResultBase.class)) {
                read(content, getter, path, problems, depth);
            }
        }
    }

    private static void read(Object owner, Method getter, String path, List<String> problems, int depth) {
        String where = path + "." + getter.getName() + "()";
        Object value;
        try {
            value = getter.invoke(owner);
        } catch (InvocationTargetException e) {
            problems.add(where + " threw " + e.getCause());
            return;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + where, e);
        }
        if (value instanceof Enum<?> constant && constant.name().equals(UNKNOWN_ENUM)) {
            problems.add(where + " is " + UNKNOWN_ENUM + " for " + rawValue(owner, getter.getName()));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), where + "[" + i + "]", problems, depth + 1);
            }
        } else if (value instanceof Resource<?> || value instanceof ResultBase) {
            visit(value, where, problems, depth + 1);
        }
    }

    /** Public, non-static, no-argument methods the model class itself declares: its typed getters. */
    private static List<Method> gettersDeclaredOn(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && !m.isSynthetic() && !m.isBridge())
                .filter(m -> m.getReturnType() != void.class)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    /** The JSON value behind a getter, for the message: the SDK maps {@code fooBar()} to {@code foo_bar}. */
    private static String rawValue(Object owner, String getterName) {
        if (!(owner instanceof Resource<?> resource)) {
            return "(no raw value)";
        }
        String key = getterName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return key + "=" + resource.jsonObj.opt(key);
    }
}
