package dev.keyward.oauth21.baseline;

import java.util.Optional;

/** One check of one rule on one kind of subject: a pure function, no I/O, no Keycloak. */
@FunctionalInterface
public interface Rule<S> {

    Optional<Finding> check(S subject);
}
