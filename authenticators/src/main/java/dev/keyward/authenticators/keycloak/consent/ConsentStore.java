package dev.keyward.authenticators.keycloak.consent;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.UserConsentManager;

/**
 * One consent per user and client in Keycloak's consent store, also when the same user signs in
 * twice at once. Keycloak's store has no unique key for it: two first consents written at the same
 * time became two rows, after which every read of the consent failed ("More results found") and the
 * user could not sign in to the client again (found by SoakIT). Writes therefore take a short
 * cluster-wide lease in the single-use store, and a read that finds duplicates keeps the newest.
 */
final class ConsentStore {

    private static final Logger LOG = Logger.getLogger(ConsentStore.class);
    private static final long LEASE_SECONDS = 10;
    private static final long WAIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 50;

    private ConsentStore() {
    }

    /** The user's consent to the client, or null; duplicates left by an earlier race are merged into the newest. */
    static UserConsentModel read(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        try {
            return UserConsentManager.getConsentByClient(session, realm, user, client.getId());
        } catch (ModelException duplicates) {
            List<UserConsentModel> all = UserConsentManager.getConsentsStream(session, realm, user)
                    .filter(consent -> consent.getClient().getId().equals(client.getId())).toList();
            UserConsentModel newest = all.stream().max(Comparator.comparing(ConsentStore::updated)).orElse(null);
            LOG.warnf("User %s had %d consents to client %s in realm %s; keeping the newest", user.getId(), all.size(),
                    client.getClientId(), realm.getName());
            UserConsentManager.revokeConsentForClient(session, realm, user, client.getId());
            if (newest != null) {
                UserConsentModel kept = new UserConsentModel(client);
                newest.getGrantedClientScopes().forEach(kept::addGrantedClientScope);
                UserConsentManager.addConsent(session, realm, user, kept);
            }
            return newest;
        }
    }

    /** Adds or replaces the consent; true when it replaced one. */
    static boolean write(KeycloakSession session, RealmModel realm, UserModel user, UserConsentModel consent) {
        String lease = "keyward-consent-write:" + realm.getId() + ":" + user.getId() + ":" + consent.getClient().getId();
        SingleUseObjectProvider store = session.singleUseObjects();
        if (acquire(store, lease)) {
            session.getTransactionManager().enlistAfterCompletion(new Release(store, lease));
        }
        // Read again: a concurrent sign-in of the same user may have committed its consent meanwhile.
        if (read(session, realm, user, consent.getClient()) != null) {
            try {
                UserConsentManager.updateConsent(session, realm, user, consent);
                return true;
            } catch (ModelException revokedMeanwhile) {
                // An admin revoked it since: the user's decision still stands, as a new consent.
                LOG.debugf(revokedMeanwhile, "Consent of user %s vanished before its update; adding it", user.getId());
            }
        }
        UserConsentManager.addConsent(session, realm, user, consent);
        return false;
    }

    /** Waits a moment for a concurrent writer's lease; goes ahead without one rather than fail the sign-in. */
    private static boolean acquire(SingleUseObjectProvider store, String lease) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!store.putIfAbsent(lease, LEASE_SECONDS)) {
            if (System.currentTimeMillis() > deadline) {
                LOG.warnf("Consent write lease %s still held after %d ms; writing without it", lease, WAIT_MILLIS);
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long updated(UserConsentModel consent) {
        return Objects.requireNonNullElse(consent.getLastUpdatedDate(), Objects.requireNonNullElse(consent.getCreatedDate(), 0L));
    }

    /** Gives the lease back once the consent is committed (or rolled back). */
    private static final class Release extends AbstractKeycloakTransaction {
        private final SingleUseObjectProvider store;
        private final String lease;

        Release(SingleUseObjectProvider store, String lease) {
            this.store = store;
            this.lease = lease;
        }

        @Override
        protected void commitImpl() {
            store.remove(lease);
        }

        @Override
        protected void rollbackImpl() {
            store.remove(lease);
        }
    }
}
