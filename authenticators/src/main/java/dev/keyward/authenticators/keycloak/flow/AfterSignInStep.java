package dev.keyward.authenticators.keycloak.flow;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A browser-flow step that runs once the user is known: it applies to every user and sets
 * nothing up for them, so only {@code authenticate} and {@code action} are left to write.
 */
public abstract class AfterSignInStep implements Authenticator {

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
