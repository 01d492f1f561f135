package org.crisisline.queue.policy;

import org.assertj.core.api.Assertions;

/**
 * Not part of the domain: a deliberately bad class, in a domain package but in the test tree, that
 * {@code DomainArchitectureTest} feeds to its rules to prove they reject a framework in the domain.
 */
final class ArchitectureViolationSample {
    private ArchitectureViolationSample() {
    }

    static boolean usesAFramework(Object value) {
        Assertions.assertThat(value).isNotNull();
        return true;
    }
}
