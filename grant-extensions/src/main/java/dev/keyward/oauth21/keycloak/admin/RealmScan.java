package dev.keyward.oauth21.keycloak.admin;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.compliance.ClientReview;
import dev.keyward.oauth21.compliance.ComplianceScan;
import dev.keyward.oauth21.compliance.ReviewedClient;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.keycloak.modes.KeycloakClients;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.rule.RuleId;

/** Reads a realm's OpenID Connect clients, with their exemptions, into the compliance scan. */
final class RealmScan {

    /** A client as stored, its exemptions (and the rules whose exemption attribute is damaged), and the scan's review of it. */
    record Scanned(ClientModel client, List<Exemption> exemptions, List<RuleId> unreadableExemptions, ClientReview review) {
    }

    private final RealmModel realm;
    private final RuleModes modes;
    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());

    RealmScan(RealmModel realm, RuleModes modes) {
        this.realm = realm;
        this.modes = modes;
    }

    /** Every OpenID Connect client the admin may view, by client ID. */
    List<Scanned> all(AdminPermissionEvaluator auth) {
        Instant now = RuleModes.now();
        return realm.getClientsStream()
                .filter(KeycloakClients::isOpenIdConnect)
                .filter(auth.clients()::canView)
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .map(client -> scan(client, now))
                .toList();
    }

    Scanned scan(ClientModel client, Instant now) {
        List<Exemption> exemptions = ClientExemptions.all(client, modes.rules());
        Map<RuleId, Instant> active = new HashMap<>();
        exemptions.stream().filter(e -> e.activeAt(now, modes.exemptionMaxDays())).forEach(e -> active.put(e.rule(), e.expires()));
        ReviewedClient reviewed = new ReviewedClient(KeycloakClients.settings(client),
                BuiltInExemptions.isKeycloaksOwn(realm.getName(), client.getClientId()),
                BuiltInExemptions.rulesFor(realm.getName(), client.getClientId()), active);
        return new Scanned(client, exemptions, ClientExemptions.unreadable(client, modes.rules()),
                scan.review(reviewed, rule -> modes.realmMode(rule, realm)));
    }
}
