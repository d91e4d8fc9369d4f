package dev.keyward.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against the Keycloak server that needs this OAuth 2.1 baseline mode there
 * ({@code off}, {@code report} or {@code enforce}): {@link KeycloakExtension} gives it the server
 * and asserts the mode before the class runs, so a wrong mode fails the class with a message
 * instead of skipping it or failing in odd places.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
public @interface BaselineMode {

    String value();
}
