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
        if (frames.isEmpty() || frames.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("an animation has 1 to " + MAX_FRAMES + " frames, not " + frames.size());
        }
        int w = frames.get(0).getWidth();
        int h = frames.get(0).getHeight();
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new IllegalArgumentException("a frame of " + w + " x " + h + " is larger than " + MAX_SIDE + " x "
                    + MAX_SIDE + " pixels");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                if (frame.getWidth() != w || frame.getHeight() != h) {
                    throw new IllegalArgumentException("frame " + i + " is " + frame.getWidth() + " x "
                            + frame.getHeight() + ", not " + w + " x " + h + " as the first");
                }
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(delayCentis));
                control.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[]{1, 0, 0}); // loop count 0: for ever
                    child(root, "ApplicationExtensions").appendChild(app);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        AtomicFiles.write(file, bytes.toByteArray());
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
