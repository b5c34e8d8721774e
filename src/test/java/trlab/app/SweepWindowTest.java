package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.sweep.Sweep;
import trlab.experiment.sweep.SweepSpec;
import trlab.experiment.sweep.SweepStatistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A sweep opened in the lab: its table and plots, and a running sweep's folder that fills while it is open. */
class SweepWindowTest extends WindowTest {
    private static final String SPEC = """
            {"base": "default", "set": ["training.steps=300", "network.width=8"],
             "grid": {"training.learningRate": [0.01, 0.03], "network.activation": ["tanh", "relu"]},
             "seeds": [4, 9], "summarise": ["trainLoss"]}""";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aSweepShowsItsTableAndPlotsAndTheRunsThatLandWhileItIsOpen(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path specFile = dir.resolve("lr.json");
        Files.writeString(specFile, SPEC);
        SweepSpec spec = SweepSpec.read(specFile);
        Path out = dir.resolve("out");
        // half the runs landed: shard 0 of 2
        Sweep.run(spec, spec.points(), out, 1, new Sweep.Shard(0, 2), (r, d, n) -> { });
        Stage sweepWindow = WaitForAsyncUtils.asyncFx(() -> window.openSweep(specFile, out)).get();
        SweepView view = (SweepView) sweepWindow.getScene().getRoot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.results().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sweepStatus").queryLabeled().getText()).contains("4 of 8 runs");
        // the other half lands while the view is open
        Sweep.Outcome all = Sweep.run(spec, spec.points(), out, 1, new Sweep.Shard(1, 2), (r, d, n) -> { });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.results().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.results()).isEqualTo(all.results());
        assertThat(robot.lookup("#sweepTable").<javafx.scene.control.TableView<?>>query().getItems()).hasSize(8);
        assertThat(view.plotCount()).isEqualTo(SweepStatistics.plots(spec, all.results()).size()).isPositive();
        assertThat(robot.lookup("#sweepStatus").queryLabeled().getText()).contains("8 of 8 runs")
                .doesNotContain("reading again");
        robot.interact(sweepWindow::close);
    }
}
