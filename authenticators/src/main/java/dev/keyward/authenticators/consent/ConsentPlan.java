package dev.keyward.authenticators.consent;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the consent screen must ask for one authorization request.
 *
 * @param ask            displayed scopes the user must decide on now, in request order
 * @param alreadyAllowed displayed scopes of this request that a still-valid remembered consent covers
 * @param remembered     everything the still-valid remembered consent covers, requested now or not
 */
public record ConsentPlan(List<RequestedScope> ask, Set<String> alreadyAllowed, Set<String> remembered) {

    public ConsentPlan {
        ask = List.copyOf(ask);
        alreadyAllowed = Set.copyOf(alreadyAllowed);
        remembered = Set.copyOf(remembered);
    }

    /**
     * @param requested     the request's client scopes
     * @param remembered    the stored consent, or null
     * @param promptConsent the client sent {@code prompt=consent}: memory does not count
     */
    public static ConsentPlan of(List<RequestedScope> requested, RememberedConsent remembered, ConsentConfig config,
                                 boolean promptConsent, Instant now) {
        Set<String> remembers = !promptConsent && config.stillRemembers(remembered, now) ? remembered.scopes() : Set.of();
        List<RequestedScope> ask = requested.stream()
                .filter(RequestedScope::displayed)
                .filter(s -> config.alwaysAsk().contains(s.name()) || !remembers.contains(s.name()))
                .toList();
        Set<String> alreadyAllowed = new LinkedHashSet<>();
        requested.stream().filter(RequestedScope::displayed).map(RequestedScope::name)
                .filter(remembers::contains).filter(n -> !config.alwaysAsk().contains(n))
                .forEach(alreadyAllowed::add);
        return new ConsentPlan(ask, alreadyAllowed, remembers);
    }

    public boolean needsAnswer() {
        return !ask.isEmpty();
    }

    /**
     * The user's answer: required scopes are granted with the login; an optional scope is granted
     * only when ticked. Ticks for scopes that were not asked are ignored.
     */
    public ConsentDecision decide(Set<String> ticked) {
        Set<String> granted = new LinkedHashSet<>();
        Set<String> denied = new LinkedHashSet<>();
        for (RequestedScope scope : ask) {
            (scope.required() || ticked.contains(scope.name()) ? granted : denied).add(scope.name());
        }
        return new ConsentDecision(granted, denied, remembered);
    }
}
