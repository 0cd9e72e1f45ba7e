package dev.aigateway.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules applied to the production code of all modules (sibling modules arrive as jars, so jars stay in). */
@AnalyzeClasses(packages = "dev.aigateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY;

    @ArchTest
    static final ArchRule portsDependOnTheJdkAndTheDomainOnly =
            ArchitectureRules.PORTS_DEPEND_ON_THE_JDK_AND_THE_DOMAIN_ONLY;

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = ArchitectureRules.NOTHING_DEPENDS_ON_THE_APP;

    @ArchTest
    static final ArchRule frameworksStayAtTheEdges = ArchitectureRules.FRAMEWORKS_STAY_AT_THE_EDGES;

    @ArchTest
    static final ArchRule adapterInternalsAreNotPublic = ArchitectureRules.ADAPTER_INTERNALS_ARE_NOT_PUBLIC;

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.NO_PACKAGE_CYCLES;
}
