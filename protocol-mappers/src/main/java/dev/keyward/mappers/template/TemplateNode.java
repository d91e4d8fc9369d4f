package dev.keyward.mappers.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compiled part of a template, which renders itself for one token's values. */
sealed interface TemplateNode {

    /** The value: JSON-like (map, list, string, number, boolean, null) or {@link Missing#VALUE}. */
    Object render(TemplateValues values, boolean omitEmpty);

    /** JSON written as is. */
    record Literal(Object value) implements TemplateNode {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            return value;
        }
    }

    /** A JSON object, whose empty fields are left out or written as null. */
    record ObjectNode(Map<String, TemplateNode> fields) implements TemplateNode {
        @Override
        public Map<String, Object> render(TemplateValues values, boolean omitEmpty) {
            Map<String, Object> object = new LinkedHashMap<>();
            fields.forEach((name, node) -> {
                Object value = node.render(values, omitEmpty);
                if (!omitEmpty || !Missing.isEmpty(value)) {
                    object.put(name, Missing.asJson(value));
                }
            });
            return object;
        }
    }

    /** A JSON array, whose empty items are left out or written as null. */
    record ArrayNode(List<TemplateNode> items) implements TemplateNode {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            List<Object> array = new ArrayList<>(items.size());
            for (TemplateNode item : items) {
                Object value = item.render(values, omitEmpty);
                if (!omitEmpty || !Missing.isEmpty(value)) {
                    array.add(Missing.asJson(value));
                }
            }
            return array;
        }
    }

    /**
     * {@code {{ source | type | default(json) }}}.
     *
     * @param typed    the type was named by a filter, not taken from the source
     * @param fallback the default; {@link Missing#VALUE} for none
     */
    record Placeholder(Source source, ValueType type, boolean typed, Object fallback) implements TemplateNode {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            List<String> found = values.values(source).stream().filter(v -> v != null && !v.isEmpty()).toList();
            Object value = found.isEmpty() ? Missing.VALUE : type.convert(found, source.kind().isList());
            return value == Missing.VALUE ? fallback : value;
        }
    }

    /** A string with placeholders inside text, always rendered as text. */
    record Text(List<Object> parts) implements TemplateNode {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Placeholder p) {
                    Object value = p.render(values, omitEmpty);
                    if (value != Missing.VALUE && value != null) {
                        text.append(value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : value);
                    }
                } else {
                    text.append(part);
                }
            }
            return text.toString();
        }
    }
}
