package trlab.experiment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class PresetsTest {

    @Test
    void theDirectoryListsTheDefaultPreset() {
        assertThat(Presets.namesIn(Presets.DIRECTORY)).contains("default");
        assertThat(Presets.names()).contains("default");
    }

    @Test
    void everyShippedPresetLoadsAndValidates() {
        for (String name : Presets.namesIn(Presets.DIRECTORY)) {
            ExperimentConfig c = Presets.load(name, List.of());
            assertThat(c.name()).as(name).isEqualTo(name);
            assertThat(c.description()).as(name).isNotBlank();
        }
    }

    @Test
    void theBuiltinDefaultIsTheDefaultPreset() {
        assertThat(Presets.builtinDefault())
                .isEqualTo(ExperimentConfig.load(Path.of("presets/default.json"), List.of()));
    }

    @Test
    void presetsLoadByNameOrPathWithOverrides(@TempDir Path dir) throws Exception {
        assertThat(Presets.load("default", List.of("network.width=8")).network().width()).isEqualTo(8);
        assertThat(Presets.load("default.json", List.of()).name()).isEqualTo("default");
        Path mine = dir.resolve("mine.json");
        Files.writeString(mine, "{\"name\": \"mine\", \"network\": {\"width\": 12}}");
        assertThat(Presets.load(mine.toString(), List.of()).network().width()).isEqualTo(12);
    }

    @Test
    void anUnknownPresetListsTheAvailableOnes() {
        assertThatThrownBy(() -> Presets.load("no-such-preset", List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no-such-preset")
                .hasMessageContaining("default");
    }

    @Test
    void namesInAMissingDirectoryIsEmpty(@TempDir Path dir) {
        assertThat(Presets.namesIn(dir.resolve("missing"))).isEmpty();
    }
}
