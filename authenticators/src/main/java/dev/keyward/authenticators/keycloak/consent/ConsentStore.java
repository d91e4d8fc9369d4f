package dev.keyward.authenticators.keycloak.consent;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * One consent per user and client in Keycloak's consent store, also when the same user signs in twice at once.
 *
 * <p>Keycloak's consent table has no unique key for a user and a local client, so two first consents inserted at
 * once become two rows that no read, update or revoke of Keycloak's can handle again. Replacing a stored consent is
 * safe (the database locks the row), so only a first consent takes a lease in Keycloak's cluster-wide single-use
 * store. A second first consent of the same user and client while that lease is held is the one place the store
 * forces a retry: it must follow the first one's commit, because Keycloak shows its own consent screen to a
 * sign-in that has no stored consent. On the same node it waits for that commit's signal, at most
 * {@link #FIRST_CONSENT_WAIT}, never polling; on another node it does not wait and leaves the decision unstored.
 */
final class ConsentStore {

    private static final Logger LOG = Logger.getLogger(ConsentStore.class);
    /** Outlives any sign-in's transaction; a holder that crashed frees the lease after this. */
    private static final long LEASE_SECONDS = 10;
    /** A first consent's transaction ends within milliseconds; past this, the sign-in goes on without storing. */
    static final Duration FIRST_CONSENT_WAIT = Duration.ofSeconds(2);
    /** First consents being written on this node, completed when their transaction ends. */
    private static final ConcurrentMap<String, CompletableFuture<Void>> FIRST_WRITES_HERE = new ConcurrentHashMap<>();

    private ConsentStore() {
    }

    /** The user's consent to the client, or null. Never writes: duplicates an old race left are read as the newest. */
    static UserConsentModel read(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        try {
            return UserConsentManager.getConsentByClient(session, realm, user, client.getId());
        } catch (ModelException duplicates) {
            return UserConsentManager.getConsentsStream(session, realm, user)
                    .filter(consent -> consent.getClient().getId().equals(client.getId()))
                    .max(Comparator.comparing(ConsentStore::updated)).orElse(null);
        }
    }

    /** Adds or replaces the consent; true when it replaced one. */
    static boolean write(KeycloakSession session, RealmModel realm, UserModel user, UserConsentModel consent) {
        ClientModel client = consent.getClient();
        if (replaced(session, realm, user, consent)) {
            return true;
        }
        String lease = "keyward-consent-write:" + realm.getId() + ":" + user.getId() + ":" + client.getId();
        if (takeLease(session, lease)) {
            UserConsentManager.addConsent(session, realm, user, consent);
            return false;
        }
        awaitFirstWriteHere(lease);
        if (replaced(session, realm, user, consent)) {
            return true;
        }
        if (takeLease(session, lease)) {
            UserConsentManager.addConsent(session, realm, user, consent);
        } else {
            LOG.debugf("Consent of user %s to client %s not stored: another node is storing its first one", user.getId(), client.getClientId());
        }
        return false;
    }

    /** Replaces the stored consent if there is one; true when it did (or could not, because of old duplicates). */
    private static boolean replaced(KeycloakSession session, RealmModel realm, UserModel user, UserConsentModel consent) {
        try {
            if (UserConsentManager.getConsentByClient(session, realm, user, consent.getClient().getId()) == null) {
                return false;
            }
        } catch (ModelException duplicates) {
            // Keycloak can neither update nor revoke these rows; the sign-in goes on with the scopes just granted.
            LOG.warnf("User %s has more than one consent to client %s in realm %s (left by a Keyward build before 0.1.0); the new"
                    + " decision is not stored. Delete the user's rows for the client from USER_CONSENT to repair it",
                    user.getId(), consent.getClient().getClientId(), realm.getName());
            return true;
        }
        try {
            UserConsentManager.updateConsent(session, realm, user, consent);
            return true;
        } catch (ModelException revokedMeanwhile) {
            return false;
        }
    }

    private static boolean takeLease(KeycloakSession session, String lease) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        if (FIRST_WRITES_HERE.putIfAbsent(lease, ended) != null) {
            return false;
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        if (!store.putIfAbsent(lease, LEASE_SECONDS)) {
            FIRST_WRITES_HERE.remove(lease, ended);
            ended.complete(null);
            return false;
        }
        session.getTransactionManager().enlistAfterCompletion(new Release(store, lease, ended));
        return true;
    }

    private static void awaitFirstWriteHere(String lease) {
        CompletableFuture<Void> ended = FIRST_WRITES_HERE.get(lease);
        if (ended == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            ended.get(FIRST_CONSENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debugf("Waited %d ms for the first consent %s of a concurrent sign-in", (System.nanoTime() - started) / 1_000_000, lease);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debugf("First consent %s still being written after %s", lease, FIRST_CONSENT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long updated(UserConsentModel consent) {
        return Objects.requireNonNullElse(consent.getLastUpdatedDate(), Objects.requireNonNullElse(consent.getCreatedDate(), 0L));
    }

    /** Gives the lease back once the first consent is committed (or rolled back), and wakes whoever waits for it here. */
    private static final class Release extends AbstractKeycloakTransaction {
        private final SingleUseObjectProvider store;
        private final String lease;
        private final CompletableFuture<Void> ended;

        Release(SingleUseObjectProvider store, String lease, CompletableFuture<Void> ended) {
            this.store = store;
            this.lease = lease;
            this.ended = ended;
        }

        @Override
        protected void commitImpl() {
            release();
        }

        @Override
        protected void rollbackImpl() {
            release();
        }

        private void release() {
            store.remove(lease);
            FIRST_WRITES_HERE.remove(lease, ended);
            ended.complete(null);
        }
    }
}
