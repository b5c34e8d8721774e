package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code trlab --version} says the version the pom gives, and what the lab reproduces. */
class VersionTest extends CommandTest {
    @Test
    void theVersionIsThePomsAndNamesThePaper() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>trlab</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        assertThat(trlab("--version")).isZero();
        assertThat(stdout()).startsWith("trlab " + pom.group(1) + " (Training Response Lab)")
                .contains("arXiv:2405.04074", "Apache License 2.0");
    }
}
