package dev.keyward.mappers.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A placeholder's expression, {@code source | filter | default(json)}: where it ends and what it says. */
final class PlaceholderSyntax {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlaceholderSyntax() {
    }

    /** The index of the "}}" closing a placeholder opened before {@code from}, skipping quoted JSON inside default(…); -1 if none. */
    static int closing(String text, int from) {
        return outsideStrings(text, from, i -> text.charAt(i) == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}');
    }

    static TemplateNode.Placeholder parse(String expression, TemplatePosition at) throws TemplateException {
        String[] pieces = splitFilters(expression);
        String sourceText = pieces[0].strip();
        Source source = Source.parse(sourceText);
        if (source == null) {
            throw at.error("unknown source '" + sourceText + "'; sources are " + String.join(", ", Source.syntaxes()));
        }
        ValueType type = source.kind().isList() ? ValueType.ARRAY : ValueType.STRING;
        boolean typed = false;
        Object fallback = Missing.VALUE;
        for (int i = 1; i < pieces.length; i++) {
            String filter = pieces[i].strip();
            if (filter.startsWith("default(") && filter.endsWith(")")) {
                fallback = defaultValue(filter.substring("default(".length(), filter.length() - 1), at);
            } else {
                ValueType named = ValueType.named(filter);
                if (named == null) {
                    throw at.error("unknown filter '" + filter + "'; use string, number, boolean, array or default(JSON)");
                }
                type = named;
                typed = true;
            }
        }
        if (fallback != Missing.VALUE && !type.accepts(fallback)) {
            throw at.error("the default " + fallback + " is not a " + type.label);
        }
        return new TemplateNode.Placeholder(source, type, typed, fallback);
    }

    private static Object defaultValue(String json, TemplatePosition at) throws TemplateException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw at.error("default() needs a JSON value, such as default(\"guest\") or default(0)");
            }
            return ValueType.normalized(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw at.error("default(" + json + ") is not JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException outOfRange) {
            // 1e100000011 reads as an infinite double, and no claim can hold it (found by Jazzer).
            throw at.error("default(" + json + ") holds a number out of range");
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
