package dev.keyward.authenticators.keycloak.consent;

import java.util.Arrays;
import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import dev.keyward.authenticators.consent.ConsentConfig;
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
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ConsentConfig.CLIENTS)
                .label("Ask for")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(ConsentConfig.Clients.values()).map(ConsentConfig.Clients::value).toList())
                .defaultValue(ConsentConfig.Clients.CONSENT_REQUIRED.value())
                .helpText("consent-required: only clients whose 'Consent required' switch is on (this screen replaces Keycloak's)."
                        + " all: every client that reaches this step.")
                .add()
                .property()
                .name(ConsentConfig.REMEMBER_FOR)
                .label("Remember consent for")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(ConsentConfig.DEFAULT_REMEMBER_FOR)
                .helpText("How long a confirmed consent is reused: a whole number followed by s, m, h or d (90d, 12h),"
                        + " or 0 to ask at every login. Revoking the consent in the account or admin console also ends it.")
                .add()
                .property()
                .name(ConsentConfig.ALWAYS_ASK_SCOPES)
                .label("Always ask for scopes")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("Names of client scopes the user is asked about at every login, even when remembered.")
                .add()
                .build();
    }
}
