package dev.keyward.oauth21.keycloak.admin;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.compliance.ClientReview;
import dev.keyward.oauth21.compliance.ComplianceScan;
import dev.keyward.oauth21.compliance.ReviewedClient;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.keycloak.clients.KeycloakClients;
import dev.keyward.oauth21.keycloak.clients.DatabaseClients;
import dev.keyward.oauth21.keycloak.clients.StoredClient;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.rule.RuleId;

/** Reads a realm's OpenID Connect clients, with their exemptions, into the compliance scan. */
final class RealmScan {

    /** A client's ID, its exemptions (and the rules whose exemption attribute is damaged), and the scan's review of it. */
    record Scanned(String clientId, List<Exemption> exemptions, List<RuleId> unreadableExemptions, ClientReview review) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RuleModes modes;
    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());

    RealmScan(KeycloakSession session, RealmModel realm, RuleModes modes) {
        this.session = session;
        this.realm = realm;
        this.modes = modes;
    }

    /**
     * Every OpenID Connect client the admin may view, by client ID. An admin who may view all of the
     * realm's clients gets them read in bulk from the database; one whose view is limited to some
     * clients gets them one by one through Keycloak's model, each checked.
     */
    List<Scanned> all(AdminPermissionEvaluator auth) {
        Stream<StoredClient> clients = auth.clients().canView()
                ? DatabaseClients.read(session, realm, modes.realmSettings(realm)).map(List::stream).orElseGet(() -> realm.getClientsStream().map(this::stored))
                : realm.getClientsStream().filter(auth.clients()::canView).map(this::stored);
        return clients.filter(client -> KeycloakClients.isOpenIdConnect(client.protocol()))
                .sorted(Comparator.comparing(StoredClient::clientId))
                .map(this::scan)
                .toList();
    }

    Scanned scan(ClientModel client) {
        return scan(stored(client));
    }

    private StoredClient stored(ClientModel client) {
        return StoredClient.of(session, client, modes.realmSettings(realm));
    }

    /** Judged with the modes requests of the client meet: the same policy, with the client's exemptions as stored. */
    Scanned scan(StoredClient client) {
        ClientExemptions.Stored exemptions = ClientExemptions.stored(client.clientId(), client.exemptionAttributes()::get, modes.rules());
        ReviewedClient reviewed = new ReviewedClient(client.settings(), BuiltInExemptions.isKeycloaksOwn(realm.getName(), client.clientId()));
        return new Scanned(client.clientId(), exemptions.readable(), exemptions.unreadable(),
                scan.review(reviewed, rule -> modes.effective(rule, realm, client.clientId(), exemptions)));
    }
}
