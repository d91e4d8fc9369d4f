package dev.keyward.mappers.template;

/**
 * What a template's text comes to, worked out once: a template to render per token, or why
 * there is none. A mapper keeps this rather than compiling again or catching per token.
 */
public sealed interface PreparedTemplate {

    /** Compiles {@code text}; never throws. */
    static PreparedTemplate of(String text) {
        try {
            return new Compiled(ClaimTemplate.parse(text));
        } catch (TemplateException e) {
            return new Invalid(e.getMessage());
        }
    }

    /** A template ready to render. */
    record Compiled(ClaimTemplate template) implements PreparedTemplate {
    }

    /** A text that is no template, with where and why: "line 3, column 14: …". */
    record Invalid(String reason) implements PreparedTemplate {
    }
}
