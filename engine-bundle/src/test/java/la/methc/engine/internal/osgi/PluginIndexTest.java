package la.methc.engine.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import la.methc.engine.internal.driver.ScoreNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginIndexTest {

    private static final String SINE = "file:plugins/sine.jar";
    private static final String SAMPLER = "file:plugins/sampler.jar";
    private static final String BUFFER = "file:plugins/audiobuffer.jar";
    private static final String CODEC = "file:plugins/codec.jar";
    private static final String REVERB = "file:plugins/reverb.jar";
    private static final Set<String> ALL = Set.of(SINE, SAMPLER, BUFFER, CODEC, REVERB);

    @TempDir
    Path dir;

    /** The index as a render that started everything would write it, typed out by hand. */
    private Path handWritten() throws Exception {
        Path file = dir.resolve("plugins.index");
        Files.writeString(file, """
                methcla plugin index 1
                bundle\tfile:plugins/sine.jar
                bundle\tfile:plugins/sampler.jar
                bundle\tfile:plugins/audiobuffer.jar
                bundle\tfile:plugins/codec.jar
                bundle\tfile:plugins/reverb.jar
                provides\tfile:plugins/sine.jar\ttest:sine
                provides\tfile:plugins/sampler.jar\ttest:play
                provides\tfile:plugins/sampler.jar\t/buffer/read
                provides\tfile:plugins/audiobuffer.jar\ttest:buffer
                provides\tfile:plugins/reverb.jar\ttest:reverb
                needs\tfile:plugins/sampler.jar\tfile:plugins/audiobuffer.jar
                needs\tfile:plugins/audiobuffer.jar\tfile:plugins/codec.jar
                """, StandardCharsets.UTF_8);
        return file;
    }

    private static ScoreNames names(Set<String> defs, Set<String> commands, Set<String> strings) {
        return new ScoreNames(defs, commands, strings);
    }

    @Test
    void startsThePluginsNamedAndWhatTheyNeedTransitively() throws Exception {
        PluginIndex index = PluginIndex.read(handWritten());
        PluginIndex.Selection s = index.select(names(Set.of("test:play"), Set.of("/buffer/read"),
                Set.of("test:play", "take.wav")), ALL);
        assertEquals(Set.of(SAMPLER, BUFFER, CODEC), s.locations());
        assertEquals(Set.of(SINE), index.select(names(Set.of("test:sine"), Set.of(), Set.of("test:sine")), ALL)
                .locations());
        // a def named only in a command's arguments counts too
        assertEquals(Set.of(SAMPLER, BUFFER, CODEC, REVERB), index.select(names(Set.of(), Set.of("/buffer/read"),
                Set.of("test:reverb")), ALL).locations());
        // a score that names no plugin's def or command needs none
        assertEquals(Set.of(), index.select(names(Set.of(), Set.of(), Set.of()), ALL).locations());
    }

    @Test
    void startsEveryPluginForANameTheIndexDoesNotKnow() throws Exception {
        PluginIndex index = PluginIndex.read(handWritten());
        PluginIndex.Selection def = index.select(names(Set.of("test:sine", "test:new"), Set.of(), Set.of()), ALL);
        assertTrue(def.all());
        assertTrue(def.whyAll().contains("test:new"), def.whyAll());
        PluginIndex.Selection command = index.select(names(Set.of(), Set.of("/buffer/new"), Set.of()), ALL);
        assertTrue(command.all());
        assertTrue(command.whyAll().contains("/buffer/new"), command.whyAll());
    }

    @Test
    void startsEveryPluginWhenThePluginsAreNotTheIndexs() throws Exception {
        PluginIndex index = PluginIndex.read(handWritten());
        Set<String> more = new java.util.HashSet<>(ALL);
        more.add("file:plugins/new.jar");
        assertTrue(index.select(names(Set.of("test:sine"), Set.of(), Set.of()), more).all());
        assertTrue(index.select(names(Set.of("test:sine"), Set.of(), Set.of()), Set.of(SINE)).all());
    }

    @Test
    void writesWhatItReads() throws Exception {
        PluginIndex index = PluginIndex.read(handWritten());
        Path again = dir.resolve("again.index");
        index.write(again);
        assertEquals(Set.of(SAMPLER, BUFFER, CODEC), PluginIndex.read(again).select(names(Set.of("test:play"),
                Set.of(), Set.of()), ALL).locations());
        assertEquals(index.bundles(), PluginIndex.read(again).bundles());
        assertTrue(Files.readString(again).startsWith(PluginIndex.HEADER + "\n"));
        assertTrue(Files.notExists(dir.resolve("again.index.part")));
        // written sorted: the same index is the same file
        new PluginIndex(ALL, Map.of("test:sine", SINE), Map.of(SAMPLER, Set.of(BUFFER))).write(dir.resolve("a"));
        new PluginIndex(ALL, Map.of("test:sine", SINE), Map.of(SAMPLER, Set.of(BUFFER))).write(dir.resolve("b"));
        assertEquals(-1L, Files.mismatch(dir.resolve("a"), dir.resolve("b")));
    }

    @Test
    void noIndexAForeignOneOrOneCutShortIsNone() throws Exception {
        assertNull(PluginIndex.read(dir.resolve("missing")));
        Path foreign = dir.resolve("foreign");
        Files.writeString(foreign, "methcla plugin index 0\nbundle\tx\n");
        assertNull(PluginIndex.read(foreign));
        Path cut = dir.resolve("cut");
        Files.writeString(cut, PluginIndex.HEADER + "\nbundle\tfile:plugins/sine.jar\nprovides\tfile:plu");
        assertNull(PluginIndex.read(cut));
        Files.writeString(cut, "");
        assertNull(PluginIndex.read(cut));
    }

    @Test
    void aNameWithATabOrALineBreakIsLeftOut() {
        assertTrue(PluginIndex.indexable("http://methc.la/plugins/sine"));
        assertTrue(!PluginIndex.indexable("a\tb") && !PluginIndex.indexable("a\nb") && !PluginIndex.indexable("")
                && !PluginIndex.indexable(null));
    }
}
