package org.crisisline.telephony.ami;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * STYLE.md: no asterisk-java type leaves the adapter. Only {@code ami} may use asterisk-java, and
 * its public API speaks Crisisline's own types.
 */
@AnalyzeClasses(packages = "org.crisisline.telephony", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {
    private static final String ASTERISK_JAVA = "org.asteriskjava..";

    @ArchTest
    static final ArchRule onlyAmiUsesAsteriskJava = noClasses()
            .that().resideOutsideOfPackages("org.crisisline.telephony.ami..", "org.crisisline.telephony.agi..")
            .should().dependOnClassesThat().resideInAPackage(ASTERISK_JAVA)
            .because("asterisk-java stays behind the adapter; events and commands use Crisisline's types");

    @ArchTest
    static final ArchRule publicApiHasNoAsteriskJavaTypes = methods()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.crisisline.telephony.ami..")
            .should(notMention(resideInAPackage(ASTERISK_JAVA)))
            .because("the triage server must not see asterisk-java");

    private static ArchCondition<JavaMethod> notMention(DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> types) {
        return new ArchCondition<>("not take or return asterisk-java types") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean mentions = types.test(method.getRawReturnType())
                        || method.getRawParameterTypes().stream().anyMatch(types);
                // ManagerEventListener's own callback is the one place an asterisk-java type must appear,
                // and EventPump is package-private, so it never gets here.
                if (mentions) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes asterisk-java"));
                }
            }
        };
    }
}
