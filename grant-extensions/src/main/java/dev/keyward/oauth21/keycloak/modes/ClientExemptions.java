package dev.keyward.oauth21.keycloak.modes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.util.JsonSerialization;

import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.settings.PreparedSettings;

/**
 * Exemptions live on the client they exempt, as attributes {@code keyward.exemption.<rule>},
 * so they travel with Keycloak's caches, clustering and exports. Each stored value is parsed once
 * and kept by its text (an edit on any node is a new text), so requests do not parse JSON.
 */
public final class ClientExemptions {

    public static final String ATTRIBUTE_PREFIX = "keyward.exemption.";

    private static final Logger LOG = Logger.getLogger(ClientExemptions.class);
    /** Parsed exemptions by rule and stored text; bounded, as many clients may hold one. */
    private static final PreparedSettings<StoredText, Optional<Exemption>> PARSED = new PreparedSettings<>(4096);

    /** The key of a parsed exemption: Keycloak's cached client hands out the same text each time, whose hash is computed once. */
    private record StoredText(RuleId rule, String text) {
    }

    private ClientExemptions() {
    }

    public static Optional<Exemption> find(ClientModel client, RuleId rule) {
        return read(client.getClientId(), rule, client.getAttribute(ATTRIBUTE_PREFIX + rule.id()));
    }

    /** The client's exemption from the rule, given the value of its attribute {@code keyward.exemption.<rule>}. */
    static Optional<Exemption> read(String clientId, RuleId rule, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return PARSED.get(new StoredText(rule, value), key -> parse(clientId, rule, value));
    }

    static Optional<Exemption> parse(String clientId, RuleId rule, String value) {
        try {
            Map<?, ?> stored = JsonSerialization.readValue(value, Map.class);
            return Optional.of(new Exemption(rule, (String) stored.get("reason"), Instant.parse((String) stored.get("expires")),
                    Instant.parse((String) stored.get("grantedAt")), (String) stored.get("grantedBy")));
        } catch (IOException | RuntimeException e) {
            // A damaged exemption exempts nothing.
            LOG.warnf("Client %s: attribute %s%s is not a Keyward exemption and is ignored", clientId, ATTRIBUTE_PREFIX, rule.id());
            return Optional.empty();
        }
    }

    /** A client's exemptions as stored: those that exempt, and the rules whose attribute is damaged (it exempts nothing, and the report says so). */
    public record Stored(List<Exemption> readable, List<RuleId> unreadable) {

        public Optional<Exemption> find(RuleId rule) {
            return readable.stream().filter(exemption -> exemption.rule().equals(rule)).findFirst();
        }
    }

    public static List<Exemption> all(ClientModel client, List<RuleId> rules) {
        return stored(client.getClientId(), client::getAttribute, rules).readable();
    }

    /** The client's exemptions, its attributes looked up by name; each attribute is read once. */
    public static Stored stored(String clientId, UnaryOperator<String> attributes, List<RuleId> rules) {
        List<Exemption> readable = new ArrayList<>();
        List<RuleId> unreadable = new ArrayList<>();
        for (RuleId rule : rules) {
            String value = attributes.apply(ATTRIBUTE_PREFIX + rule.id());
            if (value != null && !value.isBlank()) {
                read(clientId, rule, value).ifPresentOrElse(readable::add, () -> unreadable.add(rule));
            }
        }
        return new Stored(readable, unreadable);
    }

    public static void put(ClientModel client, Exemption exemption) {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("reason", exemption.reason());
        stored.put("expires", exemption.expires().toString());
        stored.put("grantedAt", exemption.grantedAt().toString());
        stored.put("grantedBy", exemption.grantedBy());
        try {
            client.setAttribute(ATTRIBUTE_PREFIX + exemption.rule().id(), JsonSerialization.writeValueAsString(stored));
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the exemption", e);
        }
    }

    public static void remove(ClientModel client, RuleId rule) {
        client.removeAttribute(ATTRIBUTE_PREFIX + rule.id());
    }
}
