package dev.aigateway.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules applied to the production code of all modules (sibling modules arrive as jars, so jars stay in). */
@AnalyzeClasses(packages = "dev.aigateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules RULES = ArchitectureRules.GATEWAY;

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = RULES.domainDependsOnTheJdkOnly;

    @ArchTest
    static final ArchRule portsDependOnTheJdkAndTheDomainOnly = RULES.portsDependOnTheJdkAndTheDomainOnly;

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = RULES.adaptersDoNotDependOnEachOther;

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = RULES.nothingDependsOnTheApp;

    @ArchTest
    static final ArchRule frameworksStayAtTheEdges = RULES.frameworksStayAtTheEdges;

    @ArchTest
    static final ArchRule adapterInternalsAreNotPublic = RULES.adapterInternalsAreNotPublic;

    @ArchTest
    static final ArchRule noPackageCycles = RULES.noPackageCycles;

    @ArchTest
    static final ArchRule theEgressKitKnowsNoProvider = RULES.theEgressKitKnowsNoProvider;

    @ArchTest
    static final ArchRule theWebClientIsUsedOnlyOnTheWayOut = RULES.theWebClientIsUsedOnlyOnTheWayOut;

    @ArchTest
    static final ArchRule theWebServerIsUsedOnlyByTheIngressAndTheApp =
            RULES.theWebServerIsUsedOnlyByTheIngressAndTheApp;

    @ArchTest
    static final ArchRule thePortsApiHoldsOnlyInterfacesRecordsAndEnums =
            RULES.thePortsApiHoldsOnlyInterfacesRecordsAndEnums;
}
