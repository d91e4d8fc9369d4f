package dev.keyward.mappers.template;

import java.util.List;
import java.util.Map;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The claims-template mapper's settings.
 *
 * @param template  the template, compiled, or why it does not compile
 * @param omitEmpty leave out missing and empty fields; else write them as null
 */
public record TemplateClaimConfig(PreparedTemplate template, boolean omitEmpty) {

    /** Required: unset reads as the empty template, which does not compile and is reported. */
    public static final Setting<PreparedTemplate> TEMPLATE = Setting.parsed("template", "Claim template",
            "A JSON object. A string that is one placeholder, \"{{ source | type | default(JSON) }}\", becomes a typed value"
                    + " (string, number, boolean, array). Sources: " + String.join(", ", Source.syntaxes()) + ".", "",
            TemplateClaimConfig::compiled, PreparedTemplate.of("")).multiLine().prefilled("{\n  \"tenant\": \"{{ user.attribute.tenant }}\"\n}");
    public static final Setting<Boolean> OMIT_EMPTY = Setting.flag("omit-empty", "Omit empty fields",
            "Leave out fields whose value is missing or empty; off: write them as null.", true);
    public static final List<Setting<?>> SETTINGS = List.of(TEMPLATE, OMIT_EMPTY);

    /** Reads the settings; a template that does not compile is added to {@code problems} (and then adds no claim). */
    public static TemplateClaimConfig read(Map<String, String> settings, Problems problems) {
        return new TemplateClaimConfig(TEMPLATE.read(settings, problems), OMIT_EMPTY.read(settings, problems));
    }

    private static Setting.Reading<PreparedTemplate> compiled(String text) {
        PreparedTemplate template = PreparedTemplate.of(text);
        return template instanceof PreparedTemplate.Invalid invalid
                ? Setting.Reading.keptDespite(template, "Invalid claim template: " + invalid.reason()) : Setting.Reading.of(template);
    }
}
