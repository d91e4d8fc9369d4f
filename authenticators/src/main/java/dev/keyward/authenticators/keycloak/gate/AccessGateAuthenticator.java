package dev.keyward.authenticators.keycloak.gate;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import dev.keyward.authenticators.gate.AccessGateConfig;
import dev.keyward.authenticators.keycloak.flow.AfterSignInStep;
import dev.keyward.authenticators.keycloak.flow.ClientAnswer;
import dev.keyward.authenticators.keycloak.flow.ClientNames;
import dev.keyward.authenticators.keycloak.flow.StoredSettings;

/** Lets the user in, or shows why not and, when they go back, answers the client with {@code access_denied}. */
public class AccessGateAuthenticator extends AfterSignInStep {

    static final String TEMPLATE = "keyward-access-denied.ftl";
    static final String DETAIL_ROLE = "keyward_access_role";
    private static final StoredSettings<AccessGateConfig> SETTINGS =
            new StoredSettings<>("client access gate", "the default access role", AccessGateConfig::read);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AccessGateConfig config = SETTINGS.read(context.getRealm(), context.getAuthenticatorConfig());
        ClientModel client = context.getAuthenticationSession().getClient();
        RoleModel accessRole = client.getRole(config.accessRole());
        UserModel user = context.getUser();
        // A client without the access role has not opted in; hasRole covers composites and groups.
        if (accessRole == null || (user != null && user.hasRole(accessRole))) {
            context.success();
            return;
        }
        context.getEvent().clone()
                .detail(DETAIL_ROLE, client.getClientId() + "." + config.accessRole())
                .error(Errors.ACCESS_DENIED);
        Response page = context.form()
                .setAttribute("keywardClientName", ClientNames.displayName(client))
                .createForm(TEMPLATE);
        context.challenge(Response.fromResponse(page).status(Response.Status.FORBIDDEN).build());
    }

    /** The user chose to go back: the client hears {@code access_denied}, with state and iss. */
    @Override
    public void action(AuthenticationFlowContext context) {
        ClientAnswer.accessDenied(context);
    }
}
