package dev.keyward.oauth21.keycloak.executor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import dev.keyward.oauth21.rule.SingleUseLedger;

/**
 * The ledger in Keycloak's single-use store, which Keycloak shares across the cluster. Values are
 * kept as SHA-256 digests: the store never holds a token or challenge itself.
 * <p>
 * This node's own copy is asked before the atomic put: right after the node owning an entry dies,
 * and until the cluster has settled, Infinispan's {@code putIfAbsent} has answered "absent" for an
 * entry the surviving node held as backup (docs/production.md). The put still decides between two
 * concurrent first uses.
 */
final class KeycloakSingleUseLedger implements SingleUseLedger {

    private static final String KEY_PREFIX = "keyward-";

    private final KeycloakSession session;

    KeycloakSingleUseLedger(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean firstSight(String kind, String value, long seconds) {
        String key = KEY_PREFIX + kind + ":" + sha256(value);
        SingleUseObjectProvider store = session.singleUseObjects();
        return !store.contains(key) && store.putIfAbsent(key, Math.max(1, seconds));
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
