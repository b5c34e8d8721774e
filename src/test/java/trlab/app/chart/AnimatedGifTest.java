package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The GIF writer: frames, their delay, the loop block, and nothing written for frames that do not fit. */
class AnimatedGifTest {
    private static BufferedImage frame(int i) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLUE);
        g.fillRect(i * 5, 10, 8, 8); // a square that moves
        g.dispose();
        return img;
    }

    /** The metadata node of that name below root, or null. */
    private static IIOMetadataNode find(Node root, String name) {
        if (root.getNodeName().equals(name)) {
            return (IIOMetadataNode) root;
        }
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void aGifHasItsFramesItsSizeItsDelayAndLoopsForEver(@TempDir Path dir) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            frames.add(frame(i));
        }
        Path file = dir.resolve("moving.gif");
        AnimatedGif.write(frames, 25, file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(7);
            assertThat(reader.getWidth(0)).isEqualTo(64);
            assertThat(reader.getHeight(0)).isEqualTo(48);
            Node first = reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = find(first, "ApplicationExtension");
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
            assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
            for (int i = 0; i < 7; i++) {
                Node meta = reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                assertThat(find(meta, "GraphicControlExtension").getAttribute("delayTime")).isEqualTo("25");
            }
            BufferedImage last = reader.read(6);
            assertThat(new Color(last.getRGB(30 + 4, 14))).isEqualTo(Color.BLUE);
            assertThat(new Color(last.getRGB(2, 14))).isEqualTo(Color.WHITE);
        }
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("NETSCAPE2.0");
    }

    @Test
    void framesOfDifferentSizesOrTooManyFramesWriteNothing(@TempDir Path dir) {
        Path file = dir.resolve("bad.gif");
        assertThatThrownBy(() -> AnimatedGif.write(List.of(frame(0), new BufferedImage(10, 10,
                BufferedImage.TYPE_INT_RGB)), 10, file)).hasMessageContaining("frame 1 is 10 x 10, not 64 x 48");
        assertThatThrownBy(() -> AnimatedGif.write(List.of(), 10, file)).hasMessageContaining("1 to");
        assertThat(file).doesNotExist();
    }
}
