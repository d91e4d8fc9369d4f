package dev.keyward.authenticators.gate;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import dev.keyward.authenticators.support.ClientAnswer;
import dev.keyward.authenticators.support.ClientNames;

/** Lets the user in, or shows why not and, when they go back, answers the client with {@code access_denied}. */
public class AccessGateAuthenticator implements Authenticator {

    static final String TEMPLATE = "keyward-access-denied.ftl";
    static final String DETAIL_ROLE = "keyward_access_role";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AccessGateConfig config = AccessGateConfig.from(context.getAuthenticatorConfig() == null ? null
                : context.getAuthenticatorConfig().getConfig());
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
        context.failure(AuthenticationFlowError.ACCESS_DENIED, ClientAnswer.accessDenied(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), context.getHttpRequest(), context.getUriInfo(), context.getEvent()));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
