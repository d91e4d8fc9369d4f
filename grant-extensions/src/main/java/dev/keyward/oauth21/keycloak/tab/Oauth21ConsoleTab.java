package dev.keyward.oauth21.keycloak.tab;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.oauth21.exemption.ExemptionRequest;
import dev.keyward.oauth21.keycloak.admin.ExemptionGrants;
import dev.keyward.oauth21.keycloak.admin.ModesRepresentation;
import dev.keyward.oauth21.keycloak.admin.Oauth21AdminResourceProviderFactory;
import dev.keyward.oauth21.keycloak.executor.Oauth21ExecutorFactory;
import dev.keyward.oauth21.keycloak.modes.RuleModes;

/**
 * The "keyward-oauth21" tab of Realm settings in the admin console (Keycloak's experimental
 * {@code declarative-ui} feature): a form whose save grants or revokes an exemption through the
 * same checks as the REST API, and rewrites read-outs of the modes, the exemptions and the
 * compliance report. Keycloak's extension tabs can only show a form over one stored component
 * per realm, so the read-outs are text, refreshed on each save.
 */
public class Oauth21ConsoleTab implements UiTabProvider, UiTabProviderFactory<ComponentModel>, StatelessProviderFactory<UiTabProvider> {

    public static final String PROVIDER_ID = "keyward-oauth21";
    static final String ACTION = "action";
    static final String CLIENT = "client";
    static final String RULE = "rule";
    static final String REASON = "reason";
    static final String EXPIRES = "expires";
    static final String MODES = "modes";
    static final String REPORTS = "reports";
    static final String REFRESHED_AT = "refreshedAt";

    private RuleModes modes;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Keyward OAuth 2.1: modes, exemptions and the compliance report of this realm.";
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", PROVIDER_ID);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<String> rules = modes == null ? List.of() : modes.rules().stream().map(r -> r.id()).toList();
        return ProviderConfigurationBuilder.create()
                .property().name(ACTION).label("Exemption action").type(ProviderConfigProperty.LIST_TYPE)
                .options("none", "grant", "revoke").defaultValue("none")
                .helpText("On save: grant the exemption below, revoke it, or only refresh the read-outs.").add()
                .property().name(CLIENT).label("Client").type(ProviderConfigProperty.CLIENT_LIST_TYPE)
                .helpText("The client to exempt, or whose exemption to revoke.").add()
                .property().name(RULE).label("Rule").type(ProviderConfigProperty.LIST_TYPE).options(rules)
                .helpText("The OAuth 2.1 rule the client is let off.").add()
                .property().name(REASON).label("Reason").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Why the client needs the exemption (required to grant).").add()
                .property().name(EXPIRES).label("Expires").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("A date such as 2027-01-31 (start of day, UTC) or an instant such as 2027-01-31T12:00:00Z.").add()
                .property().name(MODES).label("Modes in force (read-only)").type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("Written by Keyward on each save: the server's and this realm's mode of every rule.").add()
                .property().name(REPORTS).label("Compliance report and exemptions (read-only)").type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("Where to read them: they are computed per request for the admin who asks (view-clients),"
                        + " never copied into this tab, which every admin with view-realm can read.").add()
                .property().name(REFRESHED_AT).label("Read-outs as of").type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) throws ComponentValidationException {
        String action = model.get(ACTION, "none");
        AdminPermissionEvaluator auth = ConsoleAdmin.permissions(session, realm).orElse(null);
        if (!"none".equals(action)) {
            if (auth == null) {
                throw new ComponentValidationException("Exemptions are granted from the admin console or the admin REST API only.");
            }
            act(auth, realm, model, action);
        }
        // The console adds its route parameters to the config; the action fields apply to one save only.
        model.getConfig().putSingle(ACTION, "none");
        List.of(CLIENT, RULE, REASON, EXPIRES, "realm", "tab").forEach(model.getConfig()::remove);
        TabReadOuts.stripCopiedReport(model);
        model.getConfig().putSingle(MODES, ModesRepresentation.of(modes, realm).rules().entrySet().stream()
                .map(e -> e.getKey() + ": server " + e.getValue().server() + ", realm " + e.getValue().realm()).collect(Collectors.joining("\n")));
        String api = "/admin/realms/" + realm.getName() + "/" + Oauth21AdminResourceProviderFactory.PROVIDER_ID;
        model.getConfig().putSingle(REPORTS, "Compliance report with one-click fixes (JSON or CSV): GET " + api + "/compliance"
                + "\nExemptions: GET " + api + "/exemptions"
                + "\nBoth need view-clients; they are computed for the admin who asks and never stored in this tab.");
        model.getConfig().putSingle(REFRESHED_AT, modes.now().toString());
    }

    private void act(AdminPermissionEvaluator auth, RealmModel realm, ComponentModel model, String action) {
        String clientId = model.get(CLIENT);
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            throw new ComponentValidationException("Choose the client to " + action + " an exemption for.");
        }
        if (!auth.clients().canManage(client)) {
            throw new ComponentValidationException("You may not manage client " + clientId + ".");
        }
        if ("grant".equals(action)) {
            ExemptionGrants.Outcome outcome = new ExemptionGrants(modes).grant(client,
                    new ExemptionRequest(model.get(RULE), model.get(REASON), model.get(EXPIRES)), auth.adminAuth().getUser().getUsername(),
                    modes.now());
            if (!outcome.problems().isEmpty()) {
                throw new ComponentValidationException(String.join("; ", outcome.problems()));
            }
        } else if ("revoke".equals(action)) {
            new ExemptionGrants(modes).revoke(client, model.get(RULE)).ifPresent(refusal -> {
                throw new ComponentValidationException(refusal.message());
            });
        } else {
            throw new ComponentValidationException("Exemption action must be none, grant or revoke.");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        modes = Oauth21ExecutorFactory.ruleModes(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                TabReadOuts.stripFromEveryRealm(factory);
            }
        });
    }

    @Override
    public void close() {
    }
}
