package trlab.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.util.Duration;
import trlab.app.chart.AnimatedGif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records what the window shows (the charts in view, or the chart alone) into a looping animated GIF while the run
 * plays: a picture every {@link #FRAME_SECONDS}, taken on the FX thread as pictures must be, and compressed at once on
 * a thread of its own, so that neither the window nor the memory waits for the end. At most
 * {@link AnimatedGif#MAX_FRAMES} frames, all of the first one's size; the file appears whole when the recording stops.
 */
final class GifRecorder {
    static final double FRAME_SECONDS = 0.5;
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gif-encoder");
        t.setDaemon(true);
        return t;
    });
    private Timeline tick;
    private AnimatedGif.Sequence gif;
    private Path file;
    private int width;
    private int height;
    private int frames;
    /** The frames compressed so far: done when the last one given is. */
    private CompletableFuture<Void> encoded = CompletableFuture.completedFuture(null);
    private Consumer<String> progress;
    private Consumer<String> failed;

    boolean recording() {
        return tick != null;
    }

    int frames() {
        return frames;
    }

    /**
     * Starts recording the pictures {@code picture} gives into {@code target}.
     *
     * @param progress told on the FX thread after each frame and once the file is saved
     * @param failed   told on the FX thread why the recording could not be saved (nothing is written then)
     */
    void start(Supplier<Image> picture, Path target, Consumer<String> progress, Consumer<String> failed) {
        if (recording()) {
            return;
        }
        this.file = target;
        this.progress = progress;
        this.failed = failed;
        frames = 0;
        gif = null;
        encoded = CompletableFuture.completedFuture(null);
        tick = new Timeline(new KeyFrame(Duration.seconds(FRAME_SECONDS), e -> take(picture.get())));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private void take(Image image) {
        if (gif == null) {
            // the first frame sets the size, within the writer's bounds
            width = Math.min(AnimatedGif.MAX_SIDE, Math.max(1, (int) image.getWidth()));
            height = Math.min(AnimatedGif.MAX_SIDE, Math.max(1, (int) image.getHeight()));
            try {
                gif = new AnimatedGif.Sequence(width, height, (int) Math.round(FRAME_SECONDS * 100));
            } catch (IOException ex) {
                abandon(ex.getMessage());
                return;
            }
        }
        BufferedImage frame = AnimatedGif.frame(image, width, height);
        AnimatedGif.Sequence into = gif;
        // chained, so that a frame that cannot be added fails the recording instead of leaving a gap in it
        encoded = encoded.thenRunAsync(() -> {
            try {
                into.add(frame);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, encoder);
        frames++;
        progress.accept("Recording " + file.getFileName() + ": " + frames + " frames (File > Stop recording saves"
                + " it)");
        if (frames >= AnimatedGif.MAX_FRAMES) {
            stop();
        }
    }

    /** Stops taking pictures and writes the file once the last frame is compressed. */
    CompletableFuture<Void> stop() {
        if (!recording()) {
            return CompletableFuture.completedFuture(null);
        }
        tick.stop();
        tick = null;
        AnimatedGif.Sequence done = gif;
        Path target = file;
        int count = frames;
        Consumer<String> said = progress;
        Consumer<String> why = failed;
        gif = null;
        if (done == null) {
            why.accept("No frame was recorded; record for at least " + FRAME_SECONDS + " s.");
            return CompletableFuture.completedFuture(null);
        }
        return encoded.thenRunAsync(() -> {
            try {
                done.finish(target);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, encoder).whenComplete((ok, ex) -> {
            try {
                done.close();
            } catch (IOException ignored) {
                // the writer's memory only; the file is written or not already
            }
        }).whenComplete((ok, ex) -> Platform.runLater(() -> {
            if (ex == null) {
                said.accept(String.format(java.util.Locale.ROOT, "Saved %s (%d frames, %.0f s)", target, count,
                        count * FRAME_SECONDS));
            } else {
                Throwable cause = ex;
                while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                why.accept(cause.getMessage());
            }
        }));
    }

    private void abandon(String why) {
        tick.stop();
        tick = null;
        failed.accept(why);
    }
}
