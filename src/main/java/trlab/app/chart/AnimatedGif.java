package trlab.app.chart;

import trlab.experiment.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A looping animated GIF from frames, with the JDK's own GIF writer (which reduces each frame to 256 colours): a
 * graphic control block per frame with its delay, and on the first frame the NETSCAPE 2.0 block that loops for ever.
 * The file is written whole or not at all.
 */
public final class AnimatedGif {
    /** The most frames and the largest frame a GIF may have: a classroom animation, not a film. */
    public static final int MAX_FRAMES = 400;
    public static final int MAX_SIDE = 2000;

    private AnimatedGif() {
    }

    /**
     * Writes the frames (all of one size, TYPE_INT_RGB) as a looping GIF.
     *
     * @param delayCentis each frame's time on screen, in hundredths of a second
     */
    public static void write(List<BufferedImage> frames, int delayCentis, Path file) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation has 1 to " + MAX_FRAMES + " frames, not 0");
        }
        try (Sequence gif = new Sequence(frames.get(0).getWidth(), frames.get(0).getHeight(), delayCentis)) {
            for (BufferedImage frame : frames) {
                gif.add(frame);
            }
            gif.finish(file);
        }
    }

    /**
     * A GIF written frame by frame as frames come (a recording), each compressed at once so that a long recording
     * holds kilobytes per frame, not the frame's pixels; the file appears whole at {@link #finish}.
     */
    public static final class Sequence implements AutoCloseable {
        private final int width;
        private final int height;
        private final int delayCentis;
        private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ImageOutputStream out;
        private int frames;

        public Sequence(int width, int height, int delayCentis) throws IOException {
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new IllegalArgumentException("a frame of " + width + " x " + height + " is not from 1 x 1 to "
                        + MAX_SIDE + " x " + MAX_SIDE + " pixels");
            }
            this.width = width;
            this.height = height;
            this.delayCentis = delayCentis;
            out = ImageIO.createImageOutputStream(bytes);
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
        }

        public int frames() {
            return frames;
        }

        public boolean full() {
            return frames >= MAX_FRAMES;
        }

        /** Adds a frame of the sequence's size (TYPE_INT_RGB). */
        public void add(BufferedImage frame) throws IOException {
            if (full()) {
                throw new IllegalArgumentException("an animation has 1 to " + MAX_FRAMES + " frames, not more");
            }
            if (frame.getWidth() != width || frame.getHeight() != height) {
                throw new IllegalArgumentException("frame " + frames + " is " + frame.getWidth() + " x "
                        + frame.getHeight() + ", not " + width + " x " + height + " as the first");
            }
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
            String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode control = child(root, "GraphicControlExtension");
            control.setAttribute("disposalMethod", "none");
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("transparentColorFlag", "FALSE");
            control.setAttribute("delayTime", Integer.toString(delayCentis));
            control.setAttribute("transparentColorIndex", "0");
            if (frames == 0) {
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[]{1, 0, 0}); // loop count 0: for ever
                child(root, "ApplicationExtensions").appendChild(app);
            }
            meta.setFromTree(format, root);
            writer.writeToSequence(new IIOImage(frame, null, meta), param);
            frames++;
        }

        /** Ends the animation and writes the file whole. */
        public void finish(Path file) throws IOException {
            writer.endWriteSequence();
            out.flush();
            AtomicFiles.write(file, bytes.toByteArray());
        }

        @Override
        public void close() throws IOException {
            writer.dispose();
            out.close();
        }
    }

    /**
     * A picture as a frame of exactly width x height pixels (TYPE_INT_RGB): cut at the right and the bottom where it
     * is larger, white where it is smaller, so that a recording's frames keep one size while the window changes.
     */
    public static BufferedImage frame(javafx.scene.image.Image image, int width, int height) {
        int w = Math.min(width, (int) image.getWidth());
        int h = Math.min(height, (int) image.getHeight());
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (w < width || h < height) {
            java.awt.Graphics2D g = rgb.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.dispose();
        }
        rgb.setRGB(0, 0, w, h, argb, 0, w);
        return rgb;
    }

    /** The child of that name, made if missing. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
