package dev.keyward.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The modes of the OAuth 2.1 baseline as Keyward's endpoint
 * {@code GET /admin/realms/{realm}/keyward-oauth21/modes} states them: per rule id, the server's
 * mode and the mode in force in the realm (a realm may only tighten), each off, report or enforce.
 */
public record BaselineModes(String realm, int exemptionMaxDays, Map<String, String> server, Map<String, String> effective) {

    static BaselineModes from(JsonNode document) {
        JsonNode rules = document.path("rules");
        if (!rules.isObject() || rules.isEmpty()) {
            throw new AssertionError("Not Keyward's modes document (no rules): " + document);
        }
        Map<String, String> server = new LinkedHashMap<>();
        Map<String, String> effective = new LinkedHashMap<>();
        rules.fields().forEachRemaining(rule -> {
            server.put(rule.getKey(), rule.getValue().path("server").asText());
            effective.put(rule.getKey(), rule.getValue().path("realm").asText());
        });
        return new BaselineModes(document.path("realm").asText(), document.path("exemptionMaxDays").asInt(-1),
                Collections.unmodifiableMap(server), Collections.unmodifiableMap(effective));
    }
}
