package dev.keyward.oauth21.rule;

/**
 * The port through which stateful rules learn what they judge: whether a value (a code
 * challenge, a refresh token) is seen for the first time. The adapter asks it and passes the
 * answer to the rules as plain input; its Keycloak implementation uses the cluster-wide
 * single-use store, so the answer holds across nodes.
 */
@FunctionalInterface
public interface SingleUseLedger {

    /**
     * Remembers {@code value} under {@code kind} for {@code seconds}.
     *
     * @return true when it was not remembered already, i.e. this is its first sight
     */
    boolean firstSight(String kind, String value, long seconds);
}
