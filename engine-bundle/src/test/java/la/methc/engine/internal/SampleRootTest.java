package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Host.samplePath}: client paths stay inside the sample root, symbolic links included. */
class SampleRootTest {

    @TempDir
    Path dir;
    Path root;
    Path outside;
    SampleRoot samples;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("samples")).toRealPath();
        outside = Files.createDirectories(dir.resolve("elsewhere")).toRealPath();
        Files.writeString(outside.resolve("secret.wav"), "x");
        samples = new SampleRoot(root.toString());
    }

    private void assertOutside(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> samples.resolve(path), path);
        assertTrue(e.getMessage().startsWith("path " + path + " is outside the sample root " + root), e.getMessage());
    }

    @Test
    void pathsInsideResolveAgainstTheRoot() throws IOException {
        assertEquals(root.resolve("kick.wav"), samples.resolve("kick.wav"));
        assertEquals(root.resolve("drums/new/snare.wav"), samples.resolve("drums/new/snare.wav"), "need not exist");
        assertEquals(root.resolve("b.wav"), samples.resolve("a/../b.wav"));
        assertEquals(root.resolve("c.wav"), samples.resolve("./c.wav"));
        assertEquals(root.resolve("d.wav"), samples.resolve(root.resolve("d.wav").toString()), "absolute inside");
    }

    @Test
    void dotDotEscapesAreRefused() {
        assertOutside("../elsewhere/secret.wav");
        assertOutside("a/../../x.wav");
        assertOutside("..");
        assertOutside("a/b/../../../x.wav");
    }

    @Test
    void absolutePathsOutsideAreRefused() {
        assertOutside(outside.resolve("secret.wav").toString());
        assertOutside("/etc/passwd");
        assertOutside(dir.resolve("samples-not").toString()); // a sibling sharing the prefix
    }

    @Test
    void symbolicLinksThatEscapeAreRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("link.wav"), outside.resolve("secret.wav"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        assertOutside("link.wav");
        assertOutside("out/secret.wav");
        assertOutside("out/not-yet.wav"); // a file to be written through the link
        assertOutside("out/new/dir/x.wav");
        Files.createSymbolicLink(root.resolve("broken.wav"), outside.resolve("gone.wav"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> samples.resolve("broken.wav"));
        assertTrue(broken.getMessage().contains("broken symbolic link"), broken.getMessage());
    }

    @Test
    void symbolicLinksInsideAreFollowed() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/a.wav"), "x");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        assertEquals(root.resolve("real/a.wav"), samples.resolve("alias/a.wav"));
    }

    @Test
    void aRootBehindALinkWorks() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("root-link"), root);
        SampleRoot viaLink = new SampleRoot(linkedRoot.toString());
        assertEquals(root.resolve("x.wav"), viaLink.resolve("x.wav"));
        assertThrows(IllegalArgumentException.class, () -> viaLink.resolve("../elsewhere/secret.wav"));
    }

    @Test
    void aRelativeRootResolvesAgainstTheWorkingDirectory() {
        SampleRoot relative = new SampleRoot("samples");
        assertEquals(Path.of(System.getProperty("user.dir"), "samples").normalize(), relative.root());
        assertTrue(relative.root().isAbsolute());
    }

    @Test
    void emptyAndMalformedPathsAreRefused() {
        assertEquals("empty path", assertThrows(IllegalArgumentException.class, () -> samples.resolve(""))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> samples.resolve(null));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> samples.resolve("a\0b"));
        assertTrue(nul.getMessage().startsWith("bad path a"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> samples.resolve("ok.wav\0/../../etc/passwd"));
    }

    @Test
    void veryLongPathsAreRefusedAtOnce() {
        String deep = "a/".repeat(SampleRoot.MAX_PATH_CHARS / 2) + "x.wav";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> samples.resolve(deep));
        assertEquals("path of " + deep.length() + " characters is longer than 4096", e.getMessage());
        String longest = "b".repeat(200) + "/" + "c".repeat(SampleRoot.MAX_PATH_CHARS - 201);
        assertEquals(root.resolve(longest), samples.resolve(longest), "up to the limit: checked, even if no file "
                + "system takes names that long");
    }

    /** A path through a linked directory is normalised as written, then the links of the result resolved. */
    @Test
    void dotDotAfterALinkedDirectoryIsLexical() throws IOException {
        Files.createSymbolicLink(root.resolve("away"), outside);
        // "away/.." is the root itself, not outside's parent as the OS would read it
        assertEquals(root.resolve("x.wav"), samples.resolve("away/../x.wav"));
        assertOutside("away/../../elsewhere/secret.wav");
        Files.createDirectories(root.resolve("real/deep"));
        Files.createSymbolicLink(root.resolve("inner"), root.resolve("real/deep"));
        assertEquals(root.resolve("real/deep/y.wav"), samples.resolve("inner/y.wav"));
        assertEquals(root.resolve("y.wav"), samples.resolve("inner/../y.wav"));
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("loop1"), root.resolve("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), root.resolve("loop1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> samples.resolve("loop1/x.wav"));
        assertTrue(e.getMessage().startsWith("path loop1/x.wav: "), e.getMessage());
    }
}
