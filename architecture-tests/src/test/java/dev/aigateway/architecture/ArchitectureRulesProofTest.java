package dev.aigateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a planted violation, so a passing architecture check means something. */
class ArchitectureRulesProofTest {

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY, "domainjackson", "LeakyValue"),
                Arguments.of(ArchitectureRules.FRAMEWORKS_STAY_AT_THE_EDGES, "domainjackson", "LeakyValue"),
                Arguments.of(ArchitectureRules.PORTS_DEPEND_ON_THE_JDK_AND_THE_DOMAIN_ONLY, "portsadapter", "Port"),
                Arguments.of(ArchitectureRules.FRAMEWORKS_STAY_AT_THE_EDGES, "portshelidon", "ServerPort"),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, "adapterdep", "Ingress"),
                Arguments.of(ArchitectureRules.NOTHING_DEPENDS_ON_THE_APP, "appdep", "Handler"),
                Arguments.of(ArchitectureRules.ADAPTER_INTERNALS_ARE_NOT_PUBLIC, "publicadapter", "PublicClient"),
                Arguments.of(ArchitectureRules.NO_PACKAGE_CYCLES, "cycle", "archfixtures.cycle.a.A"));
    }

    @ParameterizedTest(name = "''{0}'' fails on the planted {1}")
    @MethodSource("plantedViolations")
    void ruleFailsOnItsPlantedViolation(ArchRule rule, String fixture, String offender) {
        EvaluationResult result = rule.evaluate(fixture(fixture));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender);
    }

    @Test
    void theDaggerModuleIsTheOnePublicTypeAllowedInAnAdapter() {
        EvaluationResult result = ArchitectureRules.ADAPTER_INTERNALS_ARE_NOT_PUBLIC.evaluate(fixture("publicadapter"));

        assertThat(result.getFailureReport().getDetails()).hasSize(1);
        assertThat(result.getFailureReport().toString()).doesNotContain("FixtureModule");
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("dev.aigateway.archfixtures." + name);
    }
}
