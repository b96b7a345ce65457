package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import la.methc.engine.internal.command.Scheduler;
import la.methc.engine.internal.driver.DummyDriver;
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
 * RT thread some 5,000 blocks (7 s) after the engine started, in the middle of real-time work. Error and log text
 * of these classes lives in cold helpers ({@code EngineText}, {@code NodeText}, {@code SlotWarnings}).
 * {@link DummyDriver}'s one constant, its name, is resolved by its constructor before the RT thread starts.
 */
class RtStringConstantsTest {

    @Test
    void perBlockClassesHoldNoStringConstants() throws IOException {
        Map<Class<?>, List<String>> found = new LinkedHashMap<>();
        for (Class<?> c : List.of(Engine.class, LoadMeter.class, Clock.class, NodeTree.class, Node.class, Group.class,
                SynthNode.class, Buses.class, AudioBus.class, Scheduler.class, EventChannel.class, SlotPool.class,
                HeldResources.class, EventBudget.class, RtEvents.class, JobLedger.class, SynthHooks.class,
                PluginContext.class, CommandContext.class, SlotEvents.class, WorldReply.class, SyncRelay.class,
                la.methc.engine.internal.resource.SlotHolds.class, WorkerReplies.class, RequestIntake.class,
                ResourceWaits.class, la.methc.engine.internal.plugin.PluginCommand.class,
                // new with issue 16: output recording, any node id, named /node/set, introspection
                la.methc.engine.internal.record.Recording.class, la.methc.engine.internal.record.OutputRecorder.class,
                la.methc.engine.internal.tree.TreeSnapshot.class, nodeMap(),
                la.methc.engine.internal.command.AwaitsResources.class,
                la.methc.engine.internal.command.SetParameter.class, la.methc.engine.internal.command.QueryTree.class,
                la.methc.engine.internal.command.QueryNode.class, la.methc.engine.internal.command.StartRecording.class,
                la.methc.engine.internal.command.StopRecording.class, la.methc.engine.internal.command.RtContext.class,
                nodeCommand())) {
            List<String> strings = stringConstants(c);
            if (!strings.isEmpty()) {
                found.put(c, strings);
            }
        }
        assertEquals(Map.of(), found, "String constants in classes that run on RT every block");
        assertEquals(List.of(DummyDriver.NAME), stringConstants(DummyDriver.class));
    }

    /** {@code tree.NodeMap}, package-private. */
    private static Class<?> nodeMap() {
        return named("la.methc.engine.internal.tree.NodeMap");
    }

    /** {@code command.NodeCommand}, package-private: the base of the node commands, /node/set among them. */
    private static Class<?> nodeCommand() {
        return named("la.methc.engine.internal.command.NodeCommand");
    }

    private static Class<?> named(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The CONSTANT_String entries of {@code c}'s class file, as text. */
    static List<String> stringConstants(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
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
