package org.mbrllab.app.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/** Snapshots of nodes as PNG files, for slides. Call on the FX thread. */
public final class Figures {
    private Figures() {}

    /**
     * Writes {@code node} as a PNG at {@code scale} times its on-screen size (2 gives crisp slides), over
     * {@code background}. The file is written to a temporary sibling first and renamed, so a failed
     * export never leaves half an image.
     */
    public static void writePng(Node node, Path file, double scale, Color background) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export", ".png");
        try {
            if (!ImageIO.write(buffered, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes text to {@code file} through a temporary sibling and a rename. */
    public static void writeText(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".save", ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
