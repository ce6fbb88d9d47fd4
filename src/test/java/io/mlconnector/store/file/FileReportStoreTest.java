package io.mlconnector.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports on a local disk: the key is the path under the directory, written whole, never outside it. */
class FileReportStoreTest {

    @TempDir
    Path root;

    @Test
    void put_shouldWriteTheFileUnderItsKey_andAnswerItsUri() throws IOException {
        URI where = new FileReportStore(root).put("reconciliation/2026-05/2026-06-01T07-00-00Z.csv", "text/csv",
                "a,b\r\n".getBytes(StandardCharsets.UTF_8));

        Path file = root.resolve("reconciliation/2026-05/2026-06-01T07-00-00Z.csv");
        assertThat(Path.of(where)).isEqualTo(file.toAbsolutePath());
        assertThat(Files.readString(file)).isEqualTo("a,b\r\n");
        assertThat(root.resolve("reconciliation/2026-05")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void put_shouldReplaceAnEarlierReportWithTheSameKey() throws IOException {
        FileReportStore store = new FileReportStore(root);
        store.put("r/latest.html", "text/html", "old".getBytes(StandardCharsets.UTF_8));

        store.put("r/latest.html", "text/html", "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(root.resolve("r/latest.html"))).isEqualTo("new");
    }

    @Test
    void put_shouldRefuseAKeyThatLeavesTheDirectory() {
        assertThatThrownBy(() -> new FileReportStore(root.resolve("reports")).put("../outside.html", "text/html",
                new byte[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves");
        assertThat(root.resolve("outside.html")).doesNotExist();
    }
}
