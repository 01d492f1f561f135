package org.crisisline.server.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the security rules pure and the layers one-way: the rules that decide (password policy and
 * hashing, the sign-in throttle, sessions) use no Vert.x and no I/O; only {@code auth.web} knows Vert.x
 * Web; the audit log knows nothing of accounts.
 */
@AnalyzeClasses(packages = {"org.crisisline.server.auth", "org.crisisline.server.audit"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class SecurityArchitectureTest {

    @ArchTest
    static final ArchRule rulesArePure = classes()
            .that().haveNameMatching("org\\.crisisline\\.server\\.auth\\.(Role|Account|Verdict|PasswordPolicy"
                    + "|PasswordHasher|Argon2Settings|LoginThrottle|Throttle\\w*|Session|SessionRegistry|SessionSettings"
                    + "|AuthConfigException)(\\$.*)?")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                    "org.bouncycastle.crypto..", "org.crisisline.server.auth", "org.crisisline.queue.model..")
            .because("the rules that decide are pure: an injected Clock, no framework, no I/O (STYLE.md)");

    @ArchTest
    static final ArchRule onlyTheWebPackageKnowsVertxWeb = noClasses()
            .that().resideOutsideOfPackage("org.crisisline.server.auth.web..")
            .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
            .because("handlers live in auth.web; the rest is usable without HTTP");

    @ArchTest
    static final ArchRule auditKnowsNothingOfAccounts = noClasses()
            .that().resideInAPackage("org.crisisline.server.audit..")
            .should().dependOnClassesThat().resideInAPackage("org.crisisline.server.auth..")
            .because("every part of the server writes to the audit log; it must not depend back on any of them");
}
