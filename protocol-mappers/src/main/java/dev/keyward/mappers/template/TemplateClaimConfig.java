package dev.keyward.mappers.template;

import java.util.Map;

import dev.keyward.settings.Problems;

/**
 * The claims-template mapper's settings.
 *
 * @param template  the template, compiled, or why it does not compile
 * @param omitEmpty leave out missing and empty fields; else write them as null
 */
public record TemplateClaimConfig(PreparedTemplate template, boolean omitEmpty) {

    public static final String TEMPLATE = "template";
    public static final String OMIT_EMPTY = "omit-empty";

    /** Reads the settings; a template that does not compile is added to {@code problems} (and then adds no claim). */
    public static TemplateClaimConfig read(Map<String, String> settings, Problems problems) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        PreparedTemplate template = PreparedTemplate.of(values.get(TEMPLATE));
        if (template instanceof PreparedTemplate.Invalid invalid) {
            problems.add(TEMPLATE, "Invalid claim template: " + invalid.reason());
        }
        return new TemplateClaimConfig(template, !"false".equals(values.get(OMIT_EMPTY)));
    }
}
