package io.mlconnector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone anywhere builds and passes its tests: nothing the build, the tests, CI or the deploy scripts read
 * lies outside the repository (the workspace's {@code shared} folder next to it in particular). Contracts the tests
 * need are vendored under {@code src/test/resources} with their licences.
 */
class RepositoryStandsAloneTest {
    /** Everything that runs: the build, the sources and resources, CI, the deploy scripts and template. */
    private static final List<Path> BUILD_INPUTS = List.of(Path.of("pom.xml"), Path.of("src"), Path.of(".ci"),
            Path.of(".github"), Path.of(".mvn"), Path.of("infra"), Path.of("template.yaml"), Path.of("package.json"));
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git");
    /** A path that climbs out of the project: {@code ../shared}, {@code ..\shared}, {@code ../../x}. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\.[/\\\\](shared\\b|\\.\\.[/\\\\])");
    private static final Path THIS_TEST =
            Path.of("src/test/java/io/mlconnector/deploy/RepositoryStandsAloneTest.java");

    @Test
    void noBuildInput_shouldReadAnythingOutsideTheRepository() {
        List<String> offenders = new ArrayList<>();
        for (Path root : BUILD_INPUTS) {
            filesUnder(root).filter(file -> !file.equals(THIS_TEST)).forEach(file -> {
                List<String> lines = textLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (OUTSIDE.matcher(lines.get(i)).find()) {
                        offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            });
        }

        assertThat(offenders).as("references to files outside the repository").isEmpty();
    }

    @Test
    void vendoredContracts_shouldCarryTheirLicenceAndOrigin() {
        for (Path folder : List.of(Path.of("src/test/resources/sam"), Path.of("src/test/resources/acumatica/contract"))) {
            assertThat(folder.resolve("LICENSE")).as(folder + " licence").isRegularFile();
            assertThat(folder.resolve("README.md")).as(folder + " origin").content().contains("commit");
        }
    }

    @Test
    void theCheck_shouldFindAPathThatClimbsOutOfTheProject() {
        assertThat(OUTSIDE.matcher("schema = Path.of(\"../shared/contracts\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("cp ../../outside/file .").find()).isTrue();
        assertThat(OUTSIDE.matcher("see src/test/resources/sam and ./mvnw").find()).isFalse();
    }

    private static Stream<Path> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return Stream.empty();
        }
        if (Files.isRegularFile(root)) {
            return Stream.of(root);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> root.relativize(file).getNameCount() == 0
                            || Stream.iterate(file.getParent(), p -> p != null && !p.equals(root), Path::getParent)
                            .noneMatch(dir -> SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream();
    }

    /** A text file's lines; binary files (jars, images) have none worth checking. */
    private static List<String> textLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (MalformedInputException binary) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
