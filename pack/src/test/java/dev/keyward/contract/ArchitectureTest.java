package dev.keyward.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of all of Keyward, every module as shaded into the installable JAR, by pattern:
 * a new package is covered the day it appears.
 */
@AnalyzeClasses(packages = "dev.keyward", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final List<String> FEATURE_MODULES = List.of("dev.keyward.oauth21..", "dev.keyward.shield..", "dev.keyward.authenticators..",
            "dev.keyward.mappers..", "dev.keyward.themes..", "dev.keyward.console..");
    /** Where Keycloak and its runtime live. */
    private static final String[] KEYCLOAK_RUNTIME = {"org.keycloak..", "jakarta..", "org.jboss..", "io.micrometer..", "io.quarkus..",
            "io.vertx..", "org.infinispan.."};

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.keyward.(**)").should().beFreeOfCycles();

    /** Keycloak-facing code sits in packages named {@code keycloak}; everything else is plain Java, testable without a server. */
    @ArchTest
    static final ArchRule ONLY_KEYCLOAK_PACKAGES_USE_KEYCLOAK = noClasses()
            .that().resideInAPackage("dev.keyward..").and().resideOutsideOfPackage("..keycloak..")
            .should().dependOnClassesThat().resideInAnyPackage(KEYCLOAK_RUNTIME);

    /** Pure code never reaches into an adapter: the dependency points from Keycloak's side to the logic. */
    @ArchTest
    static final ArchRule PURE_CODE_DOES_NOT_USE_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.keyward..").and().resideOutsideOfPackage("..keycloak..")
            .should().dependOnClassesThat().resideInAPackage("dev.keyward..keycloak..");

    /** Feature modules meet only through the settings module; the assembling module (pack) alone may know them all. */
    @ArchTest
    static void featureModulesAreIndependent(JavaClasses classes) {
        for (String module : FEATURE_MODULES) {
            String[] others = FEATURE_MODULES.stream().filter(other -> !other.equals(module)).toArray(String[]::new);
            noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(classes);
        }
        noClasses().that().resideInAPackage("dev.keyward.settings..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURE_MODULES.toArray(String[]::new)).check(classes);
    }
}
