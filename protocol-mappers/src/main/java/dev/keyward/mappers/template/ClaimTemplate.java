package dev.keyward.mappers.template;

import java.util.Map;

/**
 * A JSON object with placeholders, compiled once and rendered per token.
 *
 * <p>A string that is exactly one placeholder, {@code "{{ source | type | default(json) }}"}, becomes
 * a typed value: {@code string}, {@code number}, {@code boolean} or {@code array}. Placeholders inside
 * longer text, {@code "user-{{ user.id }}"}, are filled in as text. Everything else is literal JSON.
 * Rendering never throws: a value that does not fit its type counts as missing, a missing value
 * takes its default, and missing or empty fields are left out (or null, if asked).
 *
 * <p>The parts: {@link TemplateCompiler} reads the JSON, {@link PlaceholderSyntax} a placeholder's
 * expression, {@link ValueType} the types, {@link TemplateNode} the compiled tree that renders
 * itself, {@link Missing} what a placeholder without a value gives.
 */
public final class ClaimTemplate {

    private final TemplateNode.ObjectNode root;

    ClaimTemplate(TemplateNode.ObjectNode root) {
        this.root = root;
    }

    /** Compiles a template. */
    public static ClaimTemplate parse(String template) throws TemplateException {
        return new ClaimTemplate(TemplateCompiler.compile(template));
    }

    /** The claim's value: a map, possibly empty. */
    public Map<String, Object> render(TemplateValues values, boolean omitEmpty) {
        return root.render(values, omitEmpty);
    }
}
