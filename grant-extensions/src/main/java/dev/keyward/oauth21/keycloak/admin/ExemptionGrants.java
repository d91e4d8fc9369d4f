package dev.keyward.oauth21.keycloak.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.ClientModel;

import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.exemption.ExemptionRequest;
import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.rule.RuleId;

/** Granting and revoking exemptions, the same way from the REST API and from the admin console's tab. */
public final class ExemptionGrants {

    /** What a grant did: the exemption, whether it replaced one, or why it could not be granted. */
    public record Outcome(Exemption exemption, boolean replaced, List<String> problems) {
    }

    private final RuleModes modes;

    public ExemptionGrants(RuleModes modes) {
        this.modes = modes;
    }

    public Outcome grant(ClientModel client, ExemptionRequest request, String grantedBy, Instant now) {
        List<String> problems = request.problems(now, modes.exemptionMaxDays(), modes.rules());
        if (!problems.isEmpty()) {
            return new Outcome(null, false, problems);
        }
        Exemption exemption = request.grant(now, grantedBy, modes.rules());
        boolean replaced = ClientExemptions.find(client, exemption.rule()).isPresent();
        ClientExemptions.put(client, exemption);
        return new Outcome(exemption, replaced, List.of());
    }

    /** Why an exemption could not be revoked: the rule is unknown, or the client has no exemption from it. */
    public record Refusal(String message, boolean unknownRule) {
    }

    /** Revokes the exemption, or says why it cannot. */
    public Optional<Refusal> revoke(ClientModel client, String ruleId) {
        Optional<RuleId> rule = modes.rule(ruleId);
        if (rule.isEmpty()) {
            return Optional.of(new Refusal("rule '" + ruleId + "' is unknown; the rules are " + modes.ruleIdList(), true));
        }
        if (ClientExemptions.find(client, rule.get()).isEmpty()) {
            return Optional.of(new Refusal("Client " + client.getClientId() + " has no exemption from " + rule.get().id(), false));
        }
        ClientExemptions.remove(client, rule.get());
        return Optional.empty();
    }
}
