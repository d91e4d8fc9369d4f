package dev.keyward.oauth21.rule;

import java.util.Optional;

/** One check of one rule on what a phase sees: a pure function, no I/O, no Keycloak. */
@FunctionalInterface
public interface Check<S> {

    Optional<Violation> check(S subject);
}
