package trlab.experiment.config;

import trlab.core.InputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The shipped presets: JSON files in the directory {@code presets/} (relative to the working directory, where a
 * checkout keeps them) and the same files packaged in the jar as classpath resources under {@code /presets/}.
 * A file in the directory wins over the packaged one of the same name, so a user can edit a preset in place.
 */
public final class Presets {

    /** The presets directory of a checkout, relative to the working directory. */
    public static final Path DIRECTORY = Path.of("presets");

    /** Where the packaged presets live on the classpath. */
    public static final String RESOURCE_DIRECTORY = "/presets/";

    /** The preset the window opens with and the one {@link #builtinDefault()} loads. */
    public static final String DEFAULT_NAME = "default";

    private Presets() {
    }

    /** The names (file names without ".json") of all presets, from the directory and the classpath, sorted. */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>(namesIn(DIRECTORY));
        names.addAll(packagedNames());
        return List.copyOf(names);
    }

    /** The names of the presets in one directory, sorted; empty if there is no such directory. */
    public static List<String> namesIn(Path directory) {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path f : files) {
                names.add(stem(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return List.copyOf(names);
    }

    /** The default preset: the packaged {@code /presets/default.json}, or presets/default.json on disk. */
    public static ExperimentConfig builtinDefault() {
        Optional<String> packaged = readResource(DEFAULT_NAME);
        if (packaged.isPresent()) {
            return ConfigLoader.parse(packaged.get(), "presets/" + DEFAULT_NAME + ".json", List.of());
        }
        Path file = DIRECTORY.resolve(DEFAULT_NAME + ".json");
        if (Files.isRegularFile(file)) {
            return ConfigLoader.load(file, List.of());
        }
        throw new ConfigException("the default preset is missing: neither the classpath resource "
                + RESOURCE_DIRECTORY + DEFAULT_NAME + ".json nor the file " + file + " exists.");
    }

    /**
     * Loads a preset given as a path to a JSON file, or as the name of a shipped preset ("default",
     * "default.json"): an existing file first, then presets/NAME.json, then the packaged one.
     */
    public static ExperimentConfig load(String pathOrName, List<String> overrides) {
        if (pathOrName.isBlank()) {
            throw new ConfigException("the preset '" + pathOrName + "' names nothing; give a preset file or one of "
                    + String.join(", ", names()) + ".");
        }
        Path asPath;
        try {
            asPath = InputFile.path(pathOrName, "the preset");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        if (Files.isRegularFile(asPath)) {
            return ConfigLoader.load(asPath, overrides);
        }
        String name = stem(asPath.getFileName() == null ? pathOrName : asPath.getFileName().toString());
        boolean bareName = asPath.getParent() == null;
        if (bareName) {
            Path inDirectory = DIRECTORY.resolve(name + ".json");
            if (Files.isRegularFile(inDirectory)) {
                return ConfigLoader.load(inDirectory, overrides);
            }
            Optional<String> packaged = readResource(name);
            if (packaged.isPresent()) {
                return ConfigLoader.parse(packaged.get(), "presets/" + name + ".json", overrides);
            }
        }
        throw new ConfigException(pathOrName + " is neither a file nor a preset name; the presets are "
                + String.join(", ", names()) + ".");
    }

    /** The text of a packaged preset, if the classpath has it. */
    public static Optional<String> readResource(String name) {
        try (InputStream in = Presets.class.getResourceAsStream(RESOURCE_DIRECTORY + name + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged preset " + name, e);
        }
    }

    /** The names of the packaged presets: lists the resource directory in the jar or in target/classes. */
    static List<String> packagedNames() {
        return packagedNames(RESOURCE_DIRECTORY, DEFAULT_NAME);
    }

    /**
     * The names of the JSON files packaged in a resource directory (e.g. "/presets/"), found through one of them,
     * {@code anchor}.json: in the jar or in target/classes.
     */
    static List<String> packagedNames(String resourceDirectory, String anchorName) {
        URL anchor = Presets.class.getResource(resourceDirectory + anchorName + ".json");
        if (anchor == null) {
            return List.of();
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException notOpen) {
                    try {
                        jar = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        jar = FileSystems.getFileSystem(uri);
                    }
                }
                return namesIn(jar.getPath(resourceDirectory));
            }
            return namesIn(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return List.of(); // listing is a convenience; loading by name still works
        }
    }

    private static String stem(String fileName) {
        return fileName.replaceFirst("(?i)\\.json$", "");
    }
}
