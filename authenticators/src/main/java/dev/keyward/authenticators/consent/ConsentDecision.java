package dev.keyward.authenticators.consent;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user's answer on the consent screen.
 *
 * @param granted        scopes allowed on this screen
 * @param denied         optional scopes left unticked
 * @param remembered scopes a still-valid remembered consent already covered
 */
public record ConsentDecision(Set<String> granted, Set<String> denied, Set<String> remembered) {

    public ConsentDecision {
        granted = Set.copyOf(granted);
        denied = Set.copyOf(denied);
        remembered = Set.copyOf(remembered);
    }

    /** The scopes to keep in Keycloak's consent store for this client: earlier grants stay unless now refused. */
    public Set<String> toRemember() {
        Set<String> remember = new LinkedHashSet<>(remembered);
        remember.addAll(granted);
        remember.removeAll(denied);
        return remember;
    }

    /**
     * The request's {@code scope} parameter without the denied scopes, so tokens carry only
     * what was granted. Other values ({@code openid}, scopes nobody was asked about) stay.
     */
    public String narrow(String scopeParameter) {
        if (scopeParameter == null) {
            return null;
        }
        return Arrays.stream(scopeParameter.trim().split("\\s+"))
                .filter(s -> !s.isEmpty() && !denied.contains(s))
                .collect(Collectors.joining(" "));
    }
}
