package dev.keyward.mappers.template;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Compiles a template's JSON into {@link TemplateNode}s, walking the parser's tokens so that each
 * string keeps its position for error messages. Limits keep a hostile template from costing much.
 */
final class TemplateCompiler {

    static final int MAX_LENGTH = 65_536;
    static final int MAX_DEPTH = 32;
    static final int MAX_PLACEHOLDERS = 1_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final JsonParser parser;
    private int placeholders;

    private TemplateCompiler(JsonParser parser) {
        this.parser = parser;
    }

    static TemplateNode.ObjectNode compile(String template) throws TemplateException {
        if (template == null || template.isBlank()) {
            throw new TemplateException("The template is empty; write a JSON object such as {\"tenant\": \"{{ user.attribute.tenant }}\"}.");
        }
        if (template.length() > MAX_LENGTH) {
            throw new TemplateException("The template is " + template.length() + " characters long; the limit is " + MAX_LENGTH + ".");
        }
        try (JsonParser parser = FACTORY.createParser(template)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw at(parser, "").error("the template must be a JSON object, {…}");
            }
            TemplateNode.ObjectNode root = new TemplateCompiler(parser).object("");
            if (parser.nextToken() != null) {
                throw at(parser, "").error("unexpected content after the template's closing }");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new TemplateException((at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateException("The template cannot be read: " + e.getMessage());
        }
    }

    private static TemplatePosition at(JsonParser parser, String path) {
        return TemplatePosition.of(parser.currentTokenLocation(), path);
    }

    private TemplateNode.ObjectNode object(String path) throws IOException, TemplateException {
        Map<String, TemplateNode> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, value(path + "/" + name));
        }
        return new TemplateNode.ObjectNode(fields);
    }

    private TemplateNode value(String path) throws IOException, TemplateException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> {
                List<TemplateNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(path + "/" + index++));
                }
                yield new TemplateNode.ArrayNode(items);
            }
            case VALUE_STRING -> string(parser.getText(), at(parser, path));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new TemplateNode.Literal(ValueType.number(number(path)));
            case VALUE_TRUE -> new TemplateNode.Literal(Boolean.TRUE);
            case VALUE_FALSE -> new TemplateNode.Literal(Boolean.FALSE);
            case VALUE_NULL -> new TemplateNode.Literal(null);
            default -> throw at(parser, path).error("unexpected " + parser.currentToken());
        };
    }

    /** A number literal; one Jackson will not hold as a decimal (an exponent of many digits, found by Jazzer) is refused. */
    private java.math.BigDecimal number(String path) throws IOException, TemplateException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException outOfRange) {
            throw at(parser, path).error("the number " + parser.getText() + " is out of range");
        }
    }

    /** A string: literal text, one whole placeholder (a typed value), or text with placeholders. */
    private TemplateNode string(String text, TemplatePosition at) throws TemplateException {
        int open = text.indexOf("{{");
        if (open < 0) {
            if (text.contains("}}")) {
                throw at.error("'}}' without '{{'");
            }
            return new TemplateNode.Literal(text);
        }
        List<Object> parts = new ArrayList<>();
        int from = 0;
        while (open >= 0) {
            if (open > from) {
                parts.add(text.substring(from, open));
            }
            int close = PlaceholderSyntax.closing(text, open + 2);
            if (close < 0) {
                throw at.error("'{{' without its closing '}}'");
            }
            if (++placeholders > MAX_PLACEHOLDERS) {
                throw at.error("more than " + MAX_PLACEHOLDERS + " placeholders");
            }
            parts.add(PlaceholderSyntax.parse(text.substring(open + 2, close), at));
            from = close + 2;
            open = text.indexOf("{{", from);
        }
        if (from < text.length()) {
            String rest = text.substring(from);
            if (rest.contains("}}")) {
                throw at.error("'}}' without '{{'");
            }
            parts.add(rest);
        }
        if (parts.size() == 1 && parts.get(0) instanceof TemplateNode.Placeholder whole) {
            return whole;
        }
        for (Object part : parts) {
            if (part instanceof TemplateNode.Placeholder p && p.type() != ValueType.STRING && p.typed()) {
                throw at.error("a placeholder inside text is always text; '" + p.type().label + "' needs the placeholder to be the whole value");
            }
        }
        return new TemplateNode.Text(parts);
    }
}
