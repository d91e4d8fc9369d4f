package dev.keyward.authenticators.keycloak.flow;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/**
 * The factory of an {@link AfterSignInStep}: the step signs nobody in, so in a flow it is
 * REQUIRED or switched off (never an ALTERNATIVE to a sign-in), it has settings, and users
 * never set it up themselves.
 */
public abstract class AfterSignInStepFactory implements AuthenticatorFactory, StatelessProviderFactory<Authenticator> {

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
