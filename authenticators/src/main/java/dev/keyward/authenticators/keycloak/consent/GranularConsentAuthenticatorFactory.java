package dev.keyward.authenticators.keycloak.consent;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import dev.keyward.authenticators.consent.ConsentConfig;
import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.authenticators.keycloak.flow.AfterSignInStepFactory;

/**
 * "Keyward granular consent": a consent screen inside the browser flow where optional scopes
 * can be unticked. Place it after the step that identifies the user; wrap it in a conditional
 * sub-flow to ask only some users or for some clients.
 */
public class GranularConsentAuthenticatorFactory extends AfterSignInStepFactory {

    public static final String PROVIDER_ID = "keyward-granular-consent";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new GranularConsentAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Keyward granular consent";
    }

    @Override
    public String getHelpText() {
        return "Asks the user which of the requested scopes the client may have: default scopes are required, optional ones can be"
                + " unticked. The answer is stored in Keycloak's consent store and tokens carry only the granted scopes.";
    }

    @Override
    public String getReferenceCategory() {
        return "consent";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConsoleFields.of(ConsentConfig.SETTINGS);
    }
}
