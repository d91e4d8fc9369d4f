package dev.keyward.authenticators.keycloak.gate;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import dev.keyward.authenticators.gate.AccessGateConfig;
import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.authenticators.keycloak.flow.AfterSignInStepFactory;

/**
 * "Keyward client access gate": after the user is known, lets them into the client only if
 * they hold the client's access role. Put it in the browser flow after the step that
 * identifies the user, at a level that also runs for SSO (cookie) logins.
 */
public class AccessGateAuthenticatorFactory extends AfterSignInStepFactory {

    public static final String PROVIDER_ID = "keyward-access-gate";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AccessGateAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Keyward client access gate";
    }

    @Override
    public String getHelpText() {
        return "Lets a user into a client only if they hold the client's access role (a client role named 'access' by default),"
                + " directly, through a composite role or through a group. Clients without that role are not gated.";
    }

    @Override
    public String getReferenceCategory() {
        return "access";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConsoleFields.of(AccessGateConfig.SETTINGS);
    }
}
