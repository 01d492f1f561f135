package org.crisisline.server.audit;

import java.util.Objects;

/**
 * What {@link AuditLog#verify()} found: {@link Intact} with the number of records and the last hash (keep
 * it elsewhere to detect a cut-off tail), or {@link Broken} at a 1-based line with what is wrong there.
 */
public sealed interface ChainCheck permits ChainCheck.Intact, ChainCheck.Broken {

    default boolean isIntact() {
        return this instanceof Intact;
    }

    record Intact(long records, String headHash) implements ChainCheck {
        public Intact {
            Objects.requireNonNull(headHash, "headHash");
        }
    }

    record Broken(long line, String problem) implements ChainCheck {
        public Broken {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
