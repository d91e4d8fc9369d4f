package dev.keyward.mappers.template;

import java.util.List;
import java.util.Map;

/**
 * What a placeholder renders to when it finds no value that fits its type and has no default:
 * distinct from JSON null, which a template may write on purpose. An object or array leaves such a
 * value out, or writes null in its place when empty fields are kept.
 */
enum Missing {
    VALUE;

    /** Missing, null, or an empty string, array or object: left out when empty fields are omitted. */
    static boolean isEmpty(Object value) {
        return value == VALUE || value == null || value instanceof String s && s.isEmpty()
                || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** The value as written into the claim: null for missing. */
    static Object asJson(Object value) {
        return value == VALUE ? null : value;
    }
}
