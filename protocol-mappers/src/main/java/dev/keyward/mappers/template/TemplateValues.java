package dev.keyward.mappers.template;

import java.util.List;

/** Answers a template's sources for one token; Keycloak's side implements it. */
@FunctionalInterface
public interface TemplateValues {

    /** The source's values; empty when it has none. */
    List<String> values(Source source);
}
