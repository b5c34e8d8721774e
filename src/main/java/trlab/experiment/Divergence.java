package trlab.experiment;

/** Says in words why a run stopped being finite, for the command line and the status bar alike. */
public final class Divergence {
    private Divergence() {
    }

    /**
     * Why a run is not finite at its start, as the end of a sentence that begins with the run's name: its
     * parameters overflow, or they are finite and the loss on its data overflows.
     */
    public static String atStart(Experiment run) {
        long step = run.divergedAt();
        String why = run.trainer().network().isFinite()
                ? "its parameters are finite but the loss on its data is not (the targets or the outputs are too"
                        + " large for double precision: lower the data's values, network.weightScale or"
                        + " network.biasScale)"
                : "its parameters are not finite numbers (the initial weights overflow: lower network.weightScale"
                        + " or network.biasScale, or use another state)";
        return "is not finite at its start (step " + step + "): " + why + "; there never was a finite state to"
                + " keep, so nothing was written.";
    }
}
