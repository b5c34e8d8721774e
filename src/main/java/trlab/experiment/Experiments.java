package trlab.experiment;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Network;
import trlab.core.Task;
import trlab.core.TaskKind;
import trlab.core.TaskSpec;
import trlab.core.Tasks;
import trlab.core.Trainer;
import trlab.experiment.config.Budget;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.MeasureConfig;
import trlab.experiment.config.NetworkConfig;
import trlab.experiment.config.TaskConfig;
import trlab.experiment.config.TrainingConfig;
import trlab.measure.MeasureSettings;
import trlab.measure.Measurer;

import java.util.Arrays;

/** Builds the parts of a run from a config: the task, the initial network, the trainer and the measurer. */
public final class Experiments {
    private Experiments() {
    }

    public static Task task(ExperimentConfig c) {
        TaskConfig t = c.task();
        Task task;
        try {
            task = Tasks.build(new TaskSpec(t.kind(), t.points(), t.seed(), t.omega(), t.regions(), t.noise(), t.file()),
                    c.measure().probePoints(), c.measure().gridPoints());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        if (t.kind() == TaskKind.CSV) {
            checkData(c, task.train(), "task.file " + t.file());
        } else {
            checkInputs(task.train(), "task.noise = " + t.noise() + " puts inputs at");
        }
        return task;
    }

    /**
     * Checks a config against data it did not make itself (a CSV's, a state's): the rules that the config alone
     * could not check before the data was read, and the memory and time guard with the data's sizes.
     *
     * @param source the data's name in a message, e.g. "task.file data.csv"
     */
    public static void checkData(ExperimentConfig c, DataSet data, String source) {
        int p = data.size();
        String rows = source + " has " + p + " samples";
        TrainingConfig t = c.training();
        if (t.method() == Method.SGD && t.batchSize() > p) {
            throw new ConfigException("training.batchSize = " + t.batchSize() + " is larger than the data: " + rows
                    + ", so it must be an integer from 1 to " + p + ".");
        }
        for (int r : c.measure().references()) {
            if (r >= p) {
                throw new ConfigException("measure.references = " + Arrays.toString(c.measure().references())
                        + " holds " + r + ", which is not a training sample: " + rows + ", so each index must be"
                        + " from 0 to " + (p - 1) + ".");
            }
        }
        if (t.loss() == Loss.CROSS_ENTROPY && data.outputs() < 2) {
            throw new ConfigException("training.loss = \"cross-entropy\" needs one-hot targets in two or more y"
                    + " columns, and " + source + " has one; use training.loss mse.");
        }
        checkInputs(data, source + " has inputs at");
        Budget.check(new Budget.Sizes(p, "its samples", data.inputs(), data.outputs(),
                c.measure().referenceIndices(p).length), c.network(), c.measure(), c.theory(), fields -> source);
    }

    /** Refuses inputs beyond {@link Tasks#MAX_INPUT}, where the kernel's products of inputs overflow. */
    private static void checkInputs(DataSet data, String what) {
        double largest = 0;
        for (double v : data.x()) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (!(largest <= Tasks.MAX_INPUT)) {
            throw new ConfigException(what + " " + largest + "; inputs must lie within +-1e100, beyond which the"
                    + " kernel's products of inputs overflow.");
        }
    }

    /** The network of SCIENCE.md §1, initialised from network.seed, shaped for the task. */
    public static Network network(ExperimentConfig c, Task task) {
        NetworkConfig n = c.network();
        return Network.initialize(task.inputs(), n.width(), task.outputs(), n.activation(), n.parameterization(),
                n.weightScale(), n.biasScale(), n.seed());
    }

    /** The state a run of the config starts in: step 0, the initial network, the task's data. */
    public static StateFile.State initialState(ExperimentConfig c, Task task) {
        return new StateFile.State(c, 0, network(c, task), task.train());
    }

    public static Trainer trainer(ExperimentConfig c, Network net, DataSet data, long startStep) {
        TrainingConfig t = c.training();
        return new Trainer(net, data, t.loss(), t.method(), t.batchSize(), t.learningRate(), t.labelNoise(), t.seed(),
                startStep);
    }

    public static Measurer measurer(ExperimentConfig c, Task task) {
        MeasureConfig m = c.measure();
        return new Measurer(task, c.training().loss(), new MeasureSettings(m.referenceIndices(task.train().size()),
                m.rankTolerance(), m.noiseEpsilon(), m.noiseDraws(), c.theory().plasticitySteps()));
    }
}
