package dev.keyward.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The integration tests that make up the compatibility subset: run against every Keycloak feature
 * release in the README's table ({@code mvn clean verify -Dkeycloak.matrix=26.4}), chosen once so that every
 * provider is touched (each OAuth 2.1 rule in enforce mode, report-mode findings, exemptions, the
 * compliance report, the shield, consent, terms, the access gate, each mapper, the theme, the about
 * endpoint), never trimmed per version to make one pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(CompatibilitySubset.TAG)
public @interface CompatibilitySubset {

    String TAG = "compatibility";
}
