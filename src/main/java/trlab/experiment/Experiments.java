package trlab.experiment;

import trlab.core.DataSet;
import trlab.core.Network;
import trlab.core.Task;
import trlab.core.TaskSpec;
import trlab.core.Tasks;
import trlab.core.Trainer;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.MeasureConfig;
import trlab.experiment.config.NetworkConfig;
import trlab.experiment.config.TaskConfig;
import trlab.experiment.config.TrainingConfig;
import trlab.measure.MeasureSettings;
import trlab.measure.Measurer;

/** Builds the parts of a run from a config: the task, the initial network, the trainer and the measurer. */
public final class Experiments {
    private Experiments() {
    }

    public static Task task(ExperimentConfig c) {
        TaskConfig t = c.task();
        try {
            return Tasks.build(new TaskSpec(t.kind(), t.points(), t.seed(), t.omega(), t.regions(), t.noise(), t.file()),
                    c.measure().probePoints(), c.measure().gridPoints());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
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
