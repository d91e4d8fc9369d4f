package dev.keyward.oauth21;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.modes.ModePolicy;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;

/**
 * The rule kernel depends on nothing but the JDK, and the rules only on the kernel: they stay
 * testable without Keycloak and serve enforcement, report mode and compliance reports alike.
 * (Cycles and Keycloak imports across all of Keyward are checked in pack's ArchitectureTest.)
 */
@AnalyzeClasses(packages = "dev.keyward.oauth21", importOptions = ImportOption.DoNotIncludeTests.class)
class PureRulesArchitectureTest {

    @ArchTest
    static final ArchRule THE_KERNEL_DEPENDS_ON_NOTHING = noClasses()
            .that().resideInAPackage("dev.keyward.oauth21.rule..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.keyward.oauth21.rule..");

    @ArchTest
    static final ArchRule RULES_DEPEND_ONLY_ON_THE_KERNEL = noClasses()
            .that().resideInAPackage("dev.keyward.oauth21..")
            .and().resideOutsideOfPackages("dev.keyward.oauth21.rule..", "dev.keyward.oauth21.baseline..", "dev.keyward.oauth21.compliance..",
                    "dev.keyward.oauth21.modes..", "dev.keyward.oauth21.keycloak..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keyward.oauth21.baseline..", "dev.keyward.oauth21.compliance..",
                    "dev.keyward.oauth21.modes..", "dev.keyward.oauth21.keycloak..");

    @ArchTest
    static final ArchRule THE_COMPOSITION_DOES_NOT_KNOW_ITS_ADAPTERS = noClasses()
            .that().resideInAnyPackage("dev.keyward.oauth21.baseline..", "dev.keyward.oauth21.compliance..", "dev.keyward.oauth21.modes..")
            .should().dependOnClassesThat().resideInAPackage("dev.keyward.oauth21.keycloak..");

    /** Requests and the compliance report meet the same modes: only the policy weighs exemptions and realm tightening. */
    @ArchTest
    static final ArchRule ONLY_THE_MODE_POLICY_DECIDES_MODES = noClasses()
            .that().doNotHaveFullyQualifiedName(ModePolicy.class.getName())
            .should().callMethod(Exemption.class, "activeAt", Instant.class, int.class)
            .orShould().callMethod(Mode.class, "stricter", Mode.class)
            .orShould().callMethod(BuiltInExemptions.class, "find", String.class, String.class, RuleId.class);
}
