package dev.aigateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a planted violation, so a passing architecture check means something. */
class ArchitectureRulesProofTest {
    private static final String FIXTURES = "dev.aigateway.archfixtures.";

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                planted("domainjackson", "LeakyValue", rules -> rules.domainDependsOnTheJdkOnly),
                planted("domainjackson", "LeakyValue", rules -> rules.frameworksStayAtTheEdges),
                planted("portsadapter", "Port", rules -> rules.portsDependOnTheJdkAndTheDomainOnly),
                planted("portshelidon", "ServerPort", rules -> rules.frameworksStayAtTheEdges),
                planted("adapterdep", "Ingress", rules -> rules.adaptersDoNotDependOnEachOther),
                planted("appdep", "Handler", rules -> rules.nothingDependsOnTheApp),
                planted("publicadapter", "PublicClient", rules -> rules.adapterInternalsAreNotPublic),
                planted("cycle", "archfixtures.cycle.a.A", rules -> rules.noPackageCycles),
                planted("egressprovider", "Kit", rules -> rules.theEgressKitKnowsNoProvider),
                planted("webclientleak", "Outbound", rules -> rules.theWebClientIsUsedOnlyOnTheWayOut),
                planted("webserverleak", "Listener", rules -> rules.theWebServerIsUsedOnlyByTheIngressAndTheApp),
                planted("portsclass", "Engine", rules -> rules.thePortsApiHoldsOnlyInterfacesRecordsAndEnums));
    }

    @ParameterizedTest(name = "{0} fails on the planted {1}")
    @MethodSource("plantedViolations")
    void ruleFailsOnItsPlantedViolation(String fixture, String offender, Function<ArchitectureRules, ArchRule> rule) {
        EvaluationResult result = evaluate(fixture, rule);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender);
    }

    @Test
    void theDaggerModuleAndItsNestedSettingsAreThePublicTypesAllowedInAnAdapter() {
        EvaluationResult result = evaluate("publicadapter", rules -> rules.adapterInternalsAreNotPublic);

        assertThat(result.getFailureReport().getDetails()).hasSize(1);
        assertThat(result.getFailureReport().toString()).doesNotContain("FixtureModule");
    }

    @Test
    void thePortsApiMayHoldInterfacesAndRecords() {
        EvaluationResult result = evaluate("portsclass", rules -> rules.thePortsApiHoldsOnlyInterfacesRecordsAndEnums);

        assertThat(result.getFailureReport().getDetails()).hasSize(1);
        assertThat(result.getFailureReport().toString()).doesNotContain("UseCase").doesNotContain("Answer");
    }

    private static Arguments planted(String fixture, String offender, Function<ArchitectureRules, ArchRule> rule) {
        return Arguments.of(fixture, offender, rule);
    }

    /** The rule anchored at the fixture's package, evaluated on the fixture's classes only. */
    private static EvaluationResult evaluate(String fixture, Function<ArchitectureRules, ArchRule> rule) {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
        return rule.apply(new ArchitectureRules(FIXTURES + fixture)).evaluate(classes);
    }
}
