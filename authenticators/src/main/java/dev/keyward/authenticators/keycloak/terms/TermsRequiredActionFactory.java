package dev.keyward.authenticators.keycloak.terms;

import java.util.List;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

import dev.keyward.authenticators.terms.TermsConfig;
import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.settings.Problems;

/**
 * "Keyward versioned terms": a required action, so it runs after every kind of login
 * (password, SSO, identity provider) and its config is checked when an admin saves it.
 */
public class TermsRequiredActionFactory implements RequiredActionFactory, StatelessProviderFactory<RequiredActionProvider> {

    public static final String PROVIDER_ID = "keyward-terms";

    private static final TermsRequiredAction INSTANCE = new TermsRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Keyward versioned terms";
    }

    /** Accepting terms through an emailed action link works once per link, on every Keycloak (the default was false before 26.6). */
    @Override
    public boolean isOneTimeAction() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ConsoleFields.of(TermsConfig.SETTINGS);
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        Problems problems = new Problems();
        TermsConfig.read(model.getConfig(), problems);
        if (!problems.isEmpty()) {
            Problems.Problem first = problems.list().get(0);
            throw new ValidationException(new ValidationError(PROVIDER_ID, first.setting(), first.message()));
        }
    }
}
