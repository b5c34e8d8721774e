package trlab.app;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import trlab.experiment.Comparison;
import trlab.experiment.Run;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Lesson;

import java.util.List;

/**
 * Walks the lab through a lesson (FX thread only): each step loads its runs, unless they are the runs the step before
 * left, which go on; then the runs train to the step's stop and pause there. Back starts the earlier step's runs
 * afresh and trains them to its stop, so that a step always shows the same numbers (same seeds, same stops), however
 * the class got there. The window shows what a step asks for (its page, its chart, the controls) by watching
 * {@link #stepProperty()}.
 */
final class LessonPlayer {
    private final Lab lab;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    /** The step shown, or -1 without a lesson. */
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    /** The runs this player started for the step shown: only they go on into the next step. */
    private List<Run> started = List.of();

    LessonPlayer(Lab lab) {
        this.lab = lab;
    }

    ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    Lesson lesson() {
        return lesson.get();
    }

    /** The step shown, or null without a lesson. */
    Lesson.Step current() {
        return lesson.get() == null ? null : lesson.get().steps().get(step.get());
    }

    /**
     * Opens a lesson at its first step. A step whose runs could not be compared (they differ in more than an arm
     * may) is refused with one sentence, and the lab stays as it was.
     */
    void open(Lesson l) {
        for (int i = 0; i < l.steps().size(); i++) {
            List<ExperimentConfig> runs = l.steps().get(i).runs();
            for (ExperimentConfig c : runs) {
                if (!Comparison.sameStart(runs.get(0), c)) {
                    throw new ConfigException(l.title() + ": step " + (i + 1) + " compares runs that differ in more"
                            + " than " + String.join(", ", Comparison.ARM_FIELDS) + ", so they cannot start from one"
                            + " initial state.");
                }
            }
        }
        lesson.set(l);
        step.set(-1);
        started = List.of();
        go(0, true);
    }

    /** Goes on to the next step: its runs train on to its stop. */
    void next() {
        if (lesson.get() != null && step.get() + 1 < lesson.get().steps().size()) {
            go(step.get() + 1, false);
        }
    }

    /** Goes back one step, with its runs started afresh and trained to its stop. */
    void back() {
        if (lesson.get() != null && step.get() > 0) {
            go(step.get() - 1, true);
        }
    }

    /** Leaves the lesson; the runs stay as they are. */
    void close() {
        lesson.set(null);
        step.set(-1);
        started = List.of();
    }

    boolean hasNext() {
        return lesson.get() != null && step.get() + 1 < lesson.get().steps().size();
    }

    boolean hasBack() {
        return lesson.get() != null && step.get() > 0;
    }

    private void go(int index, boolean fresh) {
        Lesson.Step s = lesson.get().steps().get(index);
        boolean goOn = !fresh && lab.arms().stream().map(Lab.Arm::run).toList().equals(started)
                && lesson.get().steps().get(step.get()).runs().equals(s.runs());
        if (!goOn) {
            if (s.runs().size() > 1) {
                lab.compare(s.runs());
            } else {
                lab.load(s.runs().get(0));
            }
            started = lab.arms().stream().map(Lab.Arm::run).toList();
        }
        step.set(index);
        if (s.stopAt() > 0) {
            lab.playUntil(s.stopAt());
        }
    }

    /**
     * The lab as it is now as one step (its runs' settings, the selected run's step as the stop), to be added to a
     * lesson.
     */
    Lesson.Step moment(String title, String text, String page, String chart) {
        List<ExperimentConfig> runs = lab.arms().stream().map(Lab.Arm::settings).toList();
        return new Lesson.Step(title, text, runs, lab.run().status().step(), page, chart, java.util.Set.of());
    }
}
