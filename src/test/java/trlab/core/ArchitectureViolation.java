package trlab.core;

import trlab.experiment.Run;

/** An arrow back up, from core to a run: {@code ArchitectureTest} shows that its rule fails on it. */
public final class ArchitectureViolation {
    private ArchitectureViolation() {
    }

    static Class<?> reachesUp() {
        return Run.class;
    }
}
