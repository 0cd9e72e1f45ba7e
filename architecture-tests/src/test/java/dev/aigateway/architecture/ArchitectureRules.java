package dev.aigateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The hexagon's rules, each named as the sentence it enforces, anchored at a root package: the gateway's own
 * ({@link #GATEWAY}), or a fixture's, so that each rule can be shown to fail on a planted violation.
 */
final class ArchitectureRules {
    static final ArchitectureRules GATEWAY = new ArchitectureRules("dev.aigateway");

    private static final String WEB_CLIENT = "io.helidon.webclient..";
    private static final String WEB_SERVER = "io.helidon.webserver..";

    final ArchRule domainDependsOnTheJdkOnly;
    final ArchRule portsDependOnTheJdkAndTheDomainOnly;
    final ArchRule adaptersDoNotDependOnEachOther;
    final ArchRule nothingDependsOnTheApp;
    final ArchRule frameworksStayAtTheEdges;
    final ArchRule adapterInternalsAreNotPublic;
    final ArchRule noPackageCycles;
    final ArchRule theEgressKitKnowsNoProvider;
    final ArchRule theWebClientIsUsedOnlyOnTheWayOut;
    final ArchRule theWebServerIsUsedOnlyByTheIngressAndTheApp;
    final ArchRule thePortsApiHoldsOnlyInterfacesRecordsAndEnums;

    ArchitectureRules(String root) {
        String domain = root + ".domain..";
        String ports = root + ".ports..";
        String adapters = root + ".adapters..";
        String app = root + ".app..";
        String egress = root + ".egress..";
        String ingress = root + ".adapters.http..";

        domainDependsOnTheJdkOnly = classes()
                .that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain)
                .as("the domain depends on the JDK only");
        portsDependOnTheJdkAndTheDomainOnly = classes()
                .that().resideInAPackage(ports)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain, ports)
                .as("the ports depend on the JDK and the domain only");
        adaptersDoNotDependOnEachOther = slices()
                .matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .as("adapters do not depend on each other");
        nothingDependsOnTheApp = noClasses()
                .that().resideOutsideOfPackage(app)
                .should().dependOnClassesThat().resideInAPackage(app)
                .as("nothing depends on the app");
        frameworksStayAtTheEdges = noClasses()
                .that().resideInAnyPackage(domain, ports)
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "com.fasterxml..", "dagger..",
                        "javax.inject..", "jakarta.inject..")
                .as("Jackson, Helidon and Dagger stay at the edges, out of the domain and the ports");
        adapterInternalsAreNotPublic = classes()
                .that().resideInAPackage(adapters)
                .and().areNotAnnotatedWith("dagger.Module")
                .and(notGeneratedByDagger())
                .and(notNestedInADaggerModule())
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .as("adapter classes other than the Dagger module (and the settings nested in it) are not public");
        noPackageCycles = slices()
                .matching(root + ".(**)")
                .should().beFreeOfCycles()
                .as("no package cycles");
        theEgressKitKnowsNoProvider = noClasses()
                .that().resideInAPackage(egress)
                .should().dependOnClassesThat().resideInAnyPackage(adapters, app)
                .as("the egress kit knows no provider adapter");
        theWebClientIsUsedOnlyOnTheWayOut = noClasses()
                .that().resideOutsideOfPackages(egress, adapters).or().resideInAPackage(ingress)
                .should().dependOnClassesThat().resideInAPackage(WEB_CLIENT)
                .as("Helidon's web client is used only by the egress kit and the provider adapters");
        theWebServerIsUsedOnlyByTheIngressAndTheApp = noClasses()
                .that().resideOutsideOfPackages(ingress, app)
                .should().dependOnClassesThat().resideInAPackage(WEB_SERVER)
                .as("Helidon's web server is used only by the HTTP ingress and the app");
        thePortsApiHoldsOnlyInterfacesRecordsAndEnums = classes()
                .that().resideInAPackage(root + ".ports")
                .and().doNotHaveSimpleName("package-info")
                .should(beAnInterfaceARecordOrAnEnum())
                .as("the ports API package holds only interfaces, records and enums");
    }

    private static DescribedPredicate<JavaClass> notGeneratedByDagger() {
        return DescribedPredicate.describe("not generated by Dagger",
                javaClass -> !javaClass.isAnnotatedWith("dagger.internal.DaggerGenerated"));
    }

    private static DescribedPredicate<JavaClass> notNestedInADaggerModule() {
        return DescribedPredicate.describe("not nested in a Dagger module", javaClass -> javaClass.getEnclosingClass()
                .map(outer -> !outer.isAnnotatedWith("dagger.Module")).orElse(true));
    }

    private static ArchCondition<JavaClass> beAnInterfaceARecordOrAnEnum() {
        return new ArchCondition<>("be an interface, a record or an enum") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean allowed = javaClass.isInterface() || javaClass.isRecord() || javaClass.isEnum()
                        || javaClass.isAnonymousClass();
                events.add(new SimpleConditionEvent(javaClass, allowed, javaClass.getName() + " is a class"));
            }
        };
    }
}
