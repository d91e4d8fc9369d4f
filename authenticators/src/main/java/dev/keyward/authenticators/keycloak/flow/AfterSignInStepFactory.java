package dev.keyward.authenticators.keycloak.flow;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The factory of an {@link AfterSignInStep}: the step signs nobody in, so in a flow it is
 * REQUIRED or switched off (never an ALTERNATIVE to a sign-in), it has settings, and users
 * never set it up themselves.
 */
public abstract class AfterSignInStepFactory implements AuthenticatorFactory {

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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
