package dev.keyward.oauth21.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.RuleId;

/**
 * A stored client, with what lets it off rules.
 *
 * @param keycloaksOwn       one of the clients Keycloak creates in every realm
 * @param builtInExemptions  rules Keyward's built-in exemptions let it off
 * @param grantedExemptions  rules an admin exempted it from, each with its expiry (active ones only)
 */
public record ReviewedClient(ClientSettings settings, boolean keycloaksOwn, Set<RuleId> builtInExemptions,
                             Map<RuleId, Instant> grantedExemptions) {

    public ReviewedClient {
        builtInExemptions = Set.copyOf(builtInExemptions);
        grantedExemptions = Map.copyOf(grantedExemptions);
    }
}
