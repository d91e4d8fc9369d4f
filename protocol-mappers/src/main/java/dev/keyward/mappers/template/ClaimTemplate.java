package dev.keyward.mappers.template;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON object with placeholders, compiled once and rendered per token.
 *
 * <p>A string that is exactly one placeholder, {@code "{{ source | type | default(json) }}"}, becomes
 * a typed value: {@code string}, {@code number}, {@code boolean} or {@code array}. Placeholders inside
 * longer text, {@code "user-{{ user.id }}"}, are filled in as text. Everything else is literal JSON.
 * Rendering never throws: a value that does not fit its type counts as missing, a missing value
 * takes its default, and missing or empty fields are left out (or null, if asked).
 */
public final class ClaimTemplate {

    static final int MAX_LENGTH = 65_536;
    static final int MAX_DEPTH = 32;
    static final int MAX_PLACEHOLDERS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final Object MISSING = new Object();

    private final Node root;

    private ClaimTemplate(Node root) {
        this.root = root;
    }

    /** Compiles a template. */
    public static ClaimTemplate parse(String template) throws TemplateException {
        if (template == null || template.isBlank()) {
            throw new TemplateException("The template is empty; write a JSON object such as {\"tenant\": \"{{ user.attribute.tenant }}\"}.");
        }
        if (template.length() > MAX_LENGTH) {
            throw new TemplateException("The template is " + template.length() + " characters long; the limit is " + MAX_LENGTH + ".");
        }
        try (JsonParser parser = FACTORY.createParser(template)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), "", "the template must be a JSON object, {…}");
            }
            Compiler compiler = new Compiler(parser);
            Node root = compiler.object("");
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "", "unexpected content after the template's closing }");
            }
            return new ClaimTemplate(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage();
            throw new TemplateException((at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + "not valid JSON: " + reason);
        } catch (IOException e) {
            throw new TemplateException("The template cannot be read: " + e.getMessage());
        }
    }

    /** The claim's value: a map, possibly empty. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> render(TemplateValues values, boolean omitEmpty) {
        Object value = root.render(values, omitEmpty);
        return value == MISSING ? Map.of() : (Map<String, Object>) value;
    }

    private static TemplateException error(JsonLocation at, String path, String message) {
        return new TemplateException("line " + at.getLineNr() + ", column " + at.getColumnNr()
                + (path.isEmpty() ? "" : " (at " + path + ")") + ": " + message);
    }

    /** One number type per kind of value: whole numbers as Long where they fit, others as BigDecimal. */
    static Object number(BigDecimal number) {
        try {
            return number.longValueExact();
        } catch (ArithmeticException notAWholeLong) {
            return number;
        }
    }

    private static Object normalized(Object value) {
        if (value instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ClaimTemplate::normalized).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalized(v)));
            return copy;
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        return value == MISSING || value == null || value instanceof String s && s.isEmpty()
                || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Walks the parser's tokens into nodes, keeping each string's position for error messages. */
    private static final class Compiler {
        private final JsonParser parser;
        private int placeholders;

        Compiler(JsonParser parser) {
            this.parser = parser;
        }

        Node object(String path) throws IOException, TemplateException {
            Map<String, Node> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, value(path + "/" + name));
            }
            return new ObjectNode(fields);
        }

        Node value(String path) throws IOException, TemplateException {
            return switch (parser.currentToken()) {
                case START_OBJECT -> object(path);
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(path + "/" + index++));
                    }
                    yield new ArrayNode(items);
                }
                case VALUE_STRING -> string(parser.getText(), parser.currentTokenLocation(), path);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Literal(number(parser.getDecimalValue()));
                case VALUE_TRUE -> new Literal(Boolean.TRUE);
                case VALUE_FALSE -> new Literal(Boolean.FALSE);
                case VALUE_NULL -> new Literal(null);
                default -> throw error(parser.currentTokenLocation(), path, "unexpected " + parser.currentToken());
            };
        }

        Node string(String text, JsonLocation at, String path) throws TemplateException {
            int open = text.indexOf("{{");
            if (open < 0) {
                if (text.contains("}}")) {
                    throw error(at, path, "'}}' without '{{'");
                }
                return new Literal(text);
            }
            List<Object> parts = new ArrayList<>();
            int from = 0;
            while (open >= 0) {
                if (open > from) {
                    parts.add(text.substring(from, open));
                }
                int close = closing(text, open + 2, at, path);
                if (++placeholders > MAX_PLACEHOLDERS) {
                    throw error(at, path, "more than " + MAX_PLACEHOLDERS + " placeholders");
                }
                parts.add(placeholder(text.substring(open + 2, close), at, path));
                from = close + 2;
                open = text.indexOf("{{", from);
            }
            if (from < text.length()) {
                String rest = text.substring(from);
                if (rest.contains("}}")) {
                    throw error(at, path, "'}}' without '{{'");
                }
                parts.add(rest);
            }
            if (parts.size() == 1 && parts.get(0) instanceof Placeholder whole) {
                return whole;
            }
            for (Object part : parts) {
                if (part instanceof Placeholder p && p.type != Type.STRING && p.typed) {
                    throw error(at, path, "a placeholder inside text is always text; '" + p.type.label + "' needs the placeholder to be the whole value");
                }
            }
            return new Text(parts);
        }

        /** The index of the "}}" closing a placeholder, skipping quoted JSON inside default(…). */
        private int closing(String text, int from, JsonLocation at, String path) throws TemplateException {
            int close = outsideStrings(text, from, i -> text.charAt(i) == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}');
            if (close < 0) {
                throw error(at, path, "'{{' without its closing '}}'");
            }
            return close;
        }

        private Placeholder placeholder(String expression, JsonLocation at, String path) throws TemplateException {
            String[] pieces = splitFilters(expression);
            String sourceText = pieces[0].strip();
            Source source = Source.parse(sourceText);
            if (source == null) {
                throw error(at, path, "unknown source '" + sourceText + "'; sources are " + String.join(", ", Source.syntaxes()));
            }
            Type type = source.kind().isList() ? Type.ARRAY : Type.STRING;
            boolean typed = false;
            Object fallback = MISSING;
            for (int i = 1; i < pieces.length; i++) {
                String filter = pieces[i].strip();
                if (filter.startsWith("default(") && filter.endsWith(")")) {
                    fallback = defaultValue(filter.substring("default(".length(), filter.length() - 1), at, path);
                } else {
                    Type named = Type.named(filter);
                    if (named == null) {
                        throw error(at, path, "unknown filter '" + filter + "'; use string, number, boolean, array or default(JSON)");
                    }
                    type = named;
                    typed = true;
                }
            }
            if (fallback != MISSING && !type.accepts(fallback)) {
                throw error(at, path, "the default " + fallback + " is not a " + type.label);
            }
            return new Placeholder(source, type, typed, fallback);
        }

        private Object defaultValue(String json, JsonLocation at, String path) throws TemplateException {
            try {
                JsonNode node = JSON.readTree(json);
                if (node == null || node.isMissingNode()) {
                    throw error(at, path, "default() needs a JSON value, such as default(\"guest\") or default(0)");
                }
                return normalized(JSON.treeToValue(node, Object.class));
            } catch (JsonProcessingException e) {
                throw error(at, path, "default(" + json + ") is not JSON: " + e.getOriginalMessage());
            }
        }

        /** Splits on "|" outside quoted strings and parentheses. */
        private static String[] splitFilters(String expression) {
            List<String> pieces = new ArrayList<>();
            int[] depth = {0};
            int[] start = {0};
            outsideStrings(expression, 0, i -> {
                char c = expression.charAt(i);
                if (c == '(') {
                    depth[0]++;
                } else if (c == ')') {
                    depth[0]--;
                } else if (c == '|' && depth[0] == 0) {
                    pieces.add(expression.substring(start[0], i));
                    start[0] = i + 1;
                }
                return false;
            });
            pieces.add(expression.substring(start[0]));
            return pieces.toArray(String[]::new);
        }

        /**
         * Walks the characters from {@code from} that are outside JSON string literals (a default's
         * text may hold "}}" or "|"); returns the first index {@code stop} accepts, or -1.
         */
        private static int outsideStrings(String text, int from, IntPredicate stop) {
            boolean quoted = false;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (stop.test(i)) {
                    return i;
                }
            }
            return -1;
        }
    }

    enum Type {
        STRING("string"), NUMBER("number"), BOOLEAN("boolean"), ARRAY("array");

        final String label;

        Type(String label) {
            this.label = label;
        }

        static Type named(String label) {
            for (Type type : values()) {
                if (type.label.equals(label.toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
            return null;
        }

        boolean accepts(Object value) {
            return switch (this) {
                case STRING -> value instanceof String;
                case NUMBER -> value instanceof Number;
                case BOOLEAN -> value instanceof Boolean;
                case ARRAY -> value instanceof List<?>;
            };
        }
    }

    private interface Node {
        Object render(TemplateValues values, boolean omitEmpty);
    }

    private record Literal(Object value) implements Node {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            return value;
        }
    }

    private record ObjectNode(Map<String, Node> fields) implements Node {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            Map<String, Object> object = new LinkedHashMap<>();
            fields.forEach((name, node) -> {
                Object value = node.render(values, omitEmpty);
                if (!isEmpty(value) || !omitEmpty) {
                    object.put(name, value == MISSING ? null : value);
                }
            });
            return object;
        }
    }

    private record ArrayNode(List<Node> items) implements Node {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            List<Object> array = new ArrayList<>(items.size());
            for (Node item : items) {
                Object value = item.render(values, omitEmpty);
                if (!isEmpty(value) || !omitEmpty) {
                    array.add(value == MISSING ? null : value);
                }
            }
            return array;
        }
    }

    private record Placeholder(Source source, Type type, boolean typed, Object fallback) implements Node {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            List<String> found = values.values(source).stream().filter(v -> v != null && !v.isEmpty()).toList();
            Object value = found.isEmpty() ? MISSING : convert(found);
            return value == MISSING ? fallback : value;
        }

        private Object convert(List<String> found) {
            return switch (type) {
                case ARRAY -> found;
                case STRING -> source.kind().isList() ? String.join(" ", found) : found.get(0);
                case BOOLEAN -> {
                    String v = found.get(0).strip();
                    yield v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : MISSING;
                }
                case NUMBER -> {
                    BigDecimal number;
                    try {
                        number = new BigDecimal(found.get(0).strip());
                    } catch (NumberFormatException e) {
                        yield MISSING;
                    }
                    yield number(number);
                }
            };
        }
    }

    private record Text(List<Object> parts) implements Node {
        @Override
        public Object render(TemplateValues values, boolean omitEmpty) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Placeholder p) {
                    Object value = p.render(values, omitEmpty);
                    if (value != MISSING && value != null) {
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
