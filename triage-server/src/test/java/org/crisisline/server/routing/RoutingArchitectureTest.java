package org.crisisline.server.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * STYLE.md, "The core rule": the routing decisions are a pure core; only the verticle, its timer and
 * its log touch Vert.x or logging.
 */
@AnalyzeClasses(packages = "org.crisisline.server.routing",
        importOptions = com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests.class)
class RoutingArchitectureTest {
    @ArchTest
    static final ArchRule routingCoreIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("org.crisisline.server.routing..")
            .and().doNotHaveSimpleName("RoutingVerticle")
            .and().doNotHaveSimpleName("DeadlineTicker")
            .and().doNotHaveSimpleName("CallFlowLog")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.slf4j..", "java.io..", "java.net..")
            .because("the router decides; the verticle around it does the I/O (" + CallRouter.class.getSimpleName()
                    + " is replayable from its inputs and a clock)");
}
