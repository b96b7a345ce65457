package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import la.methc.engine.internal.command.Scheduler;
import la.methc.engine.internal.driver.DummyDriver;
import la.methc.engine.internal.driver.JavaSoundDriver;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.resource.HeldResources;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.bus.AudioBus;
import la.methc.engine.internal.bus.Buses;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;
import org.junit.jupiter.api.Test;

/**
 * The classes of the per-block path hold no String constant that may still be unresolved when they run on RT.
 * HotSpot resolves (interns, i.e. allocates) every String constant of a class on the thread that asks for a C2
 * compile of one of its methods; for a method called once per block, such as {@link Engine#process}, that is the
 * RT thread some 5,000 blocks (7 s) after the engine started, in the middle of real-time work; for a command's
 * {@code perform} it is RT after some thousands of such requests. Error, log and address text of these classes lives
 * in cold helpers ({@code EngineText}, {@code NodeText}, {@code SlotWarnings}, and one {@code …Text} class per
 * package). The packages whose every class runs on RT ({@code command}, {@code bus}, {@code tree},
 * {@code parallel}) are checked whole, so a class added there later is held to the rule without being listed.
 * {@link DummyDriver}'s and {@link JavaSoundDriver}'s one constant, their name, is resolved by their constructor
 * before the RT thread starts.
 */
class RtStringConstantsTest {

    @Test
    void perBlockClassesHoldNoStringConstants() throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Class<?> c : List.of(Engine.class, LoadMeter.class, Clock.class, NodeTree.class, Node.class, Group.class,
                SynthNode.class, Buses.class, AudioBus.class, Scheduler.class, EventChannel.class, SlotPool.class,
                HeldResources.class, EventBudget.class, RtEvents.class, JobLedger.class, SynthHooks.class,
                PluginContext.class, CommandContext.class, SlotEvents.class, WorldReply.class, SyncRelay.class,
                la.methc.engine.internal.resource.SlotHolds.class, WorkerReplies.class, RequestIntake.class,
                ResourceWaits.class, la.methc.engine.internal.plugin.PluginCommand.class,
                PostedReply.class, Request.class,
                // new with issue 16: output recording, any node id, named /node/set, introspection
                la.methc.engine.internal.record.Recording.class, la.methc.engine.internal.record.OutputRecorder.class,
                la.methc.engine.internal.tree.TreeSnapshot.class, nodeMap())) {
            names.add(c.getName());
        }
        names.add("la.methc.engine.internal.resource.PerformDispatcher");
        // the engine's own commands: sent by NRT threads, performed on RT
        names.addAll(List.of(EngineCommands.class.getName(), EngineCommands.class.getName() + "$Latch",
                EngineCommands.class.getName() + "$RetireSynths", EngineCommands.FreeAll.class.getName()));
        // packages whose classes all run on RT (or the render threads within a block): every class of theirs
        // but the cold text helpers, so that a class added there later is held to the rule too
        names.addAll(classesOf("command", List.of()));
        names.addAll(classesOf("bus", List.of()));
        names.addAll(classesOf("parallel", List.of()));
        names.addAll(classesOf("tree", List.of("SynthDestruction"))); // NRT: notifier and network threads
        for (String name : names) {
            List<String> strings = stringConstants(name);
            if (!strings.isEmpty()) {
                found.put(name, strings);
            }
        }
        assertEquals(Map.of(), found, "String constants in classes that run on RT");
        // one constant each, resolved on NRT before RT runs them: the drivers' names by their constructors, the
        // free slot's URI by the class's initialisation (the slot pool is made before the engine starts)
        assertEquals(List.of(DummyDriver.NAME), stringConstants(DummyDriver.class.getName()));
        assertEquals(List.of(JavaSoundDriver.NAME), stringConstants(JavaSoundDriver.class.getName()));
        assertEquals(List.of(""), stringConstants("la.methc.engine.internal.resource.ResourceSlot"));
    }

    /** The discovery finds the classes of a package, nested ones included, but not its cold text helpers. */
    @Test
    void discoveryFindsEveryCommandButTheTextHelpers() throws IOException {
        List<String> commands = classesOf("command", List.of());
        String p = "la.methc.engine.internal.command.";
        for (String c : List.of("ActivateSynth", "CommandBatch", "FreeNode", "MapBus", "NewSynth", "NewResource",
                "FreeResource", "ServerCommand", "Scheduler", "SetParameter", "NodeCommand")) {
            assertTrue(commands.contains(p + c), c + " in " + commands);
        }
        assertFalse(commands.contains(p + "ParameterText"), commands.toString());
        assertFalse(commands.contains(p + "CommandText"), commands.toString());
        assertFalse(stringConstants(p + "CommandText").isEmpty(), "the discovery reads the right class files");
    }

    /**
     * The binary names of the classes of {@code internal.<pkg>} (nested and anonymous ones too) but those named
     * {@code …Text} (and their nested classes) and {@code except}, read from the directory that holds the compiled
     * classes.
     */
    private static List<String> classesOf(String pkg, List<String> except) throws IOException {
        URL engine = Engine.class.getResource("Engine.class");
        assertEquals("file", engine.getProtocol(), "the engine's classes are in a directory: " + engine);
        Path dir;
        try {
            dir = Path.of(engine.toURI()).getParent().resolve(pkg);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.equals("package-info.class")) {
                    continue;
                }
                String binary = file.substring(0, file.length() - ".class".length());
                String top = binary.contains("$") ? binary.substring(0, binary.indexOf('$')) : binary;
                if (top.endsWith("Text") || except.contains(top)) {
                    continue;
                }
                names.add("la.methc.engine.internal." + pkg + "." + binary);
            }
        }
        assertFalse(names.isEmpty(), "no classes found in " + dir);
        names.sort(null);
        return names;
    }

    /** {@code tree.NodeMap}, package-private. */
    private static Class<?> nodeMap() {
        return named("la.methc.engine.internal.tree.NodeMap");
    }

    private static Class<?> named(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The CONSTANT_String entries of {@code c}'s class file, as text. */
    static List<String> stringConstants(String binaryName) throws IOException {
        String c = binaryName;
        try (InputStream in = RtStringConstantsTest.class.getClassLoader()
                .getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + binaryName);
            }
            DataInputStream d = new DataInputStream(in);
            d.readInt(); // magic
            d.readUnsignedShort(); // minor
            d.readUnsignedShort(); // major
            int count = d.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = d.readUTF();
                    case 8 -> strings.add(d.readUnsignedShort());
                    case 7, 16, 19, 20 -> d.readUnsignedShort(); // Class, MethodType, Module, Package
                    case 15 -> { // MethodHandle
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt(); // Integer, Float, refs, NameAndType, dynamic
                    case 5, 6 -> { // Long, Double take two entries
                        d.readLong();
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + c);
                }
            }
            List<String> text = new ArrayList<>();
            for (int s : strings) {
                text.add(utf8[s]);
            }
            return text;
        }
    }
}
