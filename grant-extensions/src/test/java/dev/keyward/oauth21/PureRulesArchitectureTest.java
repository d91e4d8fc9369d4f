package dev.keyward.oauth21;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules stay plain Java: testable without Keycloak, reusable by a compliance report. */
@AnalyzeClasses(packages = "dev.keyward.oauth21", importOptions = ImportOption.DoNotIncludeTests.class)
class PureRulesArchitectureTest {

    @ArchTest
    static final ArchRule RULES_DO_NOT_DEPEND_ON_KEYCLOAK = noClasses()
            .that().resideInAnyPackage("..oauth21.baseline..", "..oauth21.pkce..", "..oauth21.redirect..", "..oauth21.grant..",
                    "..oauth21.refresh..", "..oauth21.metadata..", "..oauth21.exemption..")
            .should().dependOnClassesThat().resideInAnyPackage("org.keycloak..", "jakarta..", "org.jboss..", "io.micrometer..");

    @ArchTest
    static final ArchRule RULES_DO_NOT_DEPEND_ON_THEIR_ADAPTERS = noClasses()
            .that().resideInAnyPackage("..oauth21.baseline..", "..oauth21.pkce..", "..oauth21.redirect..", "..oauth21.grant..",
                    "..oauth21.refresh..", "..oauth21.metadata..", "..oauth21.exemption..")
            .should().dependOnClassesThat().resideInAnyPackage("..oauth21.enforcement..", "..oauth21.profile..",
                    "..oauth21.discovery..", "..oauth21.admin..");
}
