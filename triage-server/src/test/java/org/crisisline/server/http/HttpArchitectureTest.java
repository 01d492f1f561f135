package org.crisisline.server.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the API's layers one-way: metrics know nothing of HTTP, the leads' and admins' routes do not reach
 * into each other or the operatives', and nothing in the API or the metrics can even name a raw phone
 * number (callers are pseudonyms all the way through).
 */
@AnalyzeClasses(packages = {"org.crisisline.server.http", "org.crisisline.server.metrics"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {

    @ArchTest
    static final ArchRule metricsKnowNothingOfHttp = noClasses()
            .that().resideInAPackage("org.crisisline.server.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crisisline.server.http..", "io.vertx.ext.web..")
            .because("the routing increments the metrics without any HTTP around it");

    @ArchTest
    static final ArchRule leadRoutesStandAlone = noClasses()
            .that().resideInAPackage("org.crisisline.server.http.lead..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crisisline.server.http.operative..",
                    "org.crisisline.server.http.admin..")
            .because("each role's routes are a package of their own");

    @ArchTest
    static final ArchRule adminRoutesStandAlone = noClasses()
            .that().resideInAPackage("org.crisisline.server.http.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crisisline.server.http.operative..",
                    "org.crisisline.server.http.lead..")
            .because("the configuration is read by the other roles' routes, never the other way round");

    @ArchTest
    static final ArchRule noRawNumbers = noClasses()
            .that().resideInAnyPackage("org.crisisline.server.http..", "org.crisisline.server.metrics..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.crisisline.server.audit.PhoneNumber")
            .because("a caller's number never reaches a response, a log line or a metric (DOMAIN.md)");
}
