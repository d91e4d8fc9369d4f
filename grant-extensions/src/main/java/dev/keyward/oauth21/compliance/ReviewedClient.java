package dev.keyward.oauth21.compliance;

import dev.keyward.oauth21.rule.ClientSettings;

/**
 * A stored client as the compliance scan judges it.
 *
 * @param keycloaksOwn one of the clients Keycloak creates in every realm
 */
public record ReviewedClient(ClientSettings settings, boolean keycloaksOwn) {
}
