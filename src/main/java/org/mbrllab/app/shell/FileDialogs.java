package org.mbrllab.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file. The shell goes through this interface so that UI tests, which cannot click
 * a native dialog, can answer instead.
 */
public interface FileDialogs {

    Optional<Path> save(Window owner, String title, String initialName, String description, String extension);

    Optional<Path> open(Window owner, String title, String description, String extension);

    /** The platform's file chooser. */
    static FileDialogs standard() {
        return new FileDialogs() {
            private File lastDir;

            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String description, String extension) {
                FileChooser chooser = chooser(title, description, extension);
                chooser.setInitialFileName(initialName);
                return remember(chooser.showSaveDialog(owner));
            }

            @Override
            public Optional<Path> open(Window owner, String title, String description, String extension) {
                return remember(chooser(title, description, extension).showOpenDialog(owner));
            }

            private FileChooser chooser(String title, String description, String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
                if (lastDir != null && lastDir.isDirectory()) chooser.setInitialDirectory(lastDir);
                return chooser;
            }

            private Optional<Path> remember(File f) {
                if (f == null) return Optional.empty();
                lastDir = f.getParentFile();
                return Optional.of(f.toPath());
            }
        };
    }
}
