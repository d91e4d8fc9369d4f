package dev.keyward.mappers.template;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The type a placeholder's value is given: its filter ({@code | number}), or its source's natural type. */
enum ValueType {
    STRING("string"), NUMBER("number"), BOOLEAN("boolean"), ARRAY("array");

    final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** The type a filter names, or null. */
    static ValueType named(String label) {
        for (ValueType type : values()) {
            if (type.label.equals(label.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    /** Whether a JSON value (a default) is of this type. */
    boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case ARRAY -> value instanceof List<?>;
        };
    }

    /**
     * A source's values, none empty, as this type; {@link Missing#VALUE} when they do not fit it.
     *
     * @param list the source is a list by nature (scopes, roles): as a string, all its values joined
     */
    Object convert(List<String> found, boolean list) {
        return switch (this) {
            case ARRAY -> found;
            case STRING -> list ? String.join(" ", found) : found.get(0);
            case BOOLEAN -> {
                String v = found.get(0).strip();
                yield v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : Missing.VALUE;
            }
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(found.get(0).strip());
                } catch (NumberFormatException e) {
                    yield Missing.VALUE;
                }
                yield number(number);
            }
        };
    }

    /** One number type per kind of value: whole numbers as Long where they fit, others as BigDecimal. */
    static Object number(BigDecimal number) {
        try {
            return number.longValueExact();
        } catch (ArithmeticException notAWholeLong) {
            return number;
        }
    }

    /** A JSON value read by Jackson, with its numbers as {@link #number} gives them. */
    static Object normalized(Object value) {
        if (value instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValueType::normalized).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalized(v)));
            return copy;
        }
        return value;
    }
}
