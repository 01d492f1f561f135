package org.crisisline.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md, "The core rule": domain packages import only {@code java.*} (and each other). Frameworks,
 * I/O libraries and the store adapters stay outside, so the core can be replayed in a test, a
 * simulation or a benchmark exactly as it runs in production.
 */
@AnalyzeClasses(packages = "org.crisisline.queue", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {
    /** The domain: everything but the adapters ({@code store..}). */
    static final String[] DOMAIN = {
            "org.crisisline.queue.model..",
            "org.crisisline.queue.config..",
            "org.crisisline.queue.event..",
            "org.crisisline.queue.ordering..",
            "org.crisisline.queue.policy..",
            "org.crisisline.queue.staff..",
            "org.crisisline.queue.callback..",
            "org.crisisline.queue.core.."
    };

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndItself = classes()
            .that().resideInAnyPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.crisisline.queue..")
            .because("domain functions are free of frameworks and I/O: only java.* and the queue's own packages");

    @ArchTest
    static final ArchRule domainDoesNotDependOnItsAdapters = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.crisisline.queue.store..")
            .because("the stores are adapters around the core, never the other way round");

    @Test
    @DisplayName("the rule rejects a domain class that uses a framework")
    void ruleRejectsAFrameworkInTheDomain() {
        JavaClasses sample = new ClassFileImporter().importPackages("org.crisisline.queue.policy");

        EvaluationResult result = domainDependsOnlyOnJavaAndItself.evaluate(sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ArchitectureViolationSample").contains("org.assertj"));
    }
}
