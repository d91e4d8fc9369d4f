package dev.keyward.oauth21.keycloak.clients;

import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.RealmSettings;

/**
 * What the compliance scan reads of a stored client: its protocol, its settings as the rules see
 * them and its exemption attributes ({@code keyward.exemption.*}), whether read through Keycloak's
 * model or in bulk from its database.
 */
public record StoredClient(String protocol, ClientSettings settings, Map<String, String> exemptionAttributes) {

    public StoredClient {
        exemptionAttributes = Map.copyOf(exemptionAttributes);
    }

    public static StoredClient of(KeycloakSession session, ClientModel client, RealmSettings realm) {
        return new StoredClient(client.getProtocol(), KeycloakClients.settings(session, client, realm), client.getAttributes().entrySet().stream()
                .filter(attribute -> isExemption(attribute.getKey()) && attribute.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public static boolean isExemption(String attribute) {
        return attribute.startsWith(ClientExemptions.ATTRIBUTE_PREFIX);
    }

    public String clientId() {
        return settings.clientId();
    }
}
