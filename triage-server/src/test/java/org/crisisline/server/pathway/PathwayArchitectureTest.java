package org.crisisline.server.pathway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md, "The core rule": the pathway domain imports only {@code java.*}, its own packages and the
 * queue's model (tiers, ids, languages); no Vert.x, Jackson, HAPI or I/O. Only {@code pathway.fhir} may
 * use HAPI FHIR structures, and nothing in the domain may depend on it.
 */
@AnalyzeClasses(packages = "org.crisisline.server.pathway", importOptions = ImportOption.DoNotIncludeTests.class)
class PathwayArchitectureTest {
    private static final String DOMAIN = "org.crisisline.server.pathway..";
    private static final String FHIR = "org.crisisline.server.pathway.fhir..";
    private static final String CONFIG = "org.crisisline.server.pathway.config..";

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndTheQueueModel = classes()
            .that().resideInAPackage(DOMAIN).and().resideOutsideOfPackages(FHIR, CONFIG)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "org.crisisline.queue.model..")
            .because("domain functions are free of frameworks: only java.*, the pathway packages and the queue's model");

    @ArchTest
    static final ArchRule settingsAreReadWithoutFrameworks = classes()
            .that().resideInAPackage(CONFIG)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "org.crisisline.queue.model..",
                    "org.crisisline.queue.config..")
            .because("settings are read the way the queue reads its own, with no framework");

    @ArchTest
    static final ArchRule domainDoesNoIo = noClasses()
            .that().resideInAPackage(DOMAIN).and().resideOutsideOfPackages(FHIR, CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .because("the domain does no I/O; the verticles around it do (the settings reader only reads its "
                    + "shipped defaults from the classpath)");

    @ArchTest
    static final ArchRule domainDoesNotReadSettings = noClasses()
            .that().resideInAPackage(DOMAIN).and().resideOutsideOfPackages(FHIR, CONFIG)
            .should().dependOnClassesThat().resideInAPackage(CONFIG)
            .because("the domain is given validated settings records; it never reads configuration");

    @ArchTest
    static final ArchRule nothingInTheDomainDependsOnFhir = noClasses()
            .that().resideInAPackage(DOMAIN).and().resideOutsideOfPackage(FHIR)
            .should().dependOnClassesThat().resideInAPackage(FHIR)
            .because("FHIR is one rendering of a referral, at the edge");

    @Test
    @DisplayName("the rule catches a class that uses HAPI")
    void theRuleCatchesHapi() {
        JavaClasses fhir = new ClassFileImporter().importPackages("org.crisisline.server.pathway.fhir");

        assertThat(classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN, "org.crisisline.queue.model..")
                .evaluate(fhir).hasViolation()).isTrue();
    }
}
