package la.methc.client;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;

/** The engine's replies as values, parsed from their messages (shapes: docs/osc-api.md). */
public final class Reply {

    private Reply() {
    }

    /** {@code /status.reply}. Loads are the share of a block's duration spent computing it. */
    public record Status(int synths, int groups, int resources, float avgLoad, float peakLoad, int lateBlocks,
            double sampleRate, int blockSize) {
        static Status of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new Status(i(a, 0), i(a, 1), i(a, 2), f(a, 3), f(a, 4), i(a, 5), ((Number) a.get(6)).doubleValue(),
                    i(a, 7));
        }
    }

    /** {@code /version.reply s:name i:major i:minor s:version}. */
    public record Version(String name, int major, int minor, String version) {
        static Version of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new Version(s(a, 0), i(a, 1), i(a, 2), s(a, 3));
        }
    }

    /** {@code /resource/info i:id s:uri s:state i:refcount} (state free, constructing, live or destroying). */
    public record ResourceInfo(int id, String uri, String state, int refcount) {
        static ResourceInfo of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new ResourceInfo(i(a, 0), s(a, 1), s(a, 2), i(a, 3));
        }
    }

    /** {@code /scheduler/info i:pending i:capacity}. */
    public record SchedulerInfo(int pending, int capacity) {
        static SchedulerInfo of(OSCMessage m) {
            return new SchedulerInfo(i(m.getArguments(), 0), i(m.getArguments(), 1));
        }
    }

    /** {@code /node/info i:id i:parent i:isGroup s:uri} (uri empty for a group). */
    public record NodeInfo(int id, int parent, boolean isGroup, String uri) {
        static NodeInfo of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new NodeInfo(i(a, 0), i(a, 1), i(a, 2) != 0, s(a, 3));
        }
    }

    /** A node of {@code /group/queryTree.reply}: a group with its children, or a synth (no children) and its uri. */
    public record TreeNode(int id, boolean isGroup, String uri, List<TreeNode> children) {

        /**
         * {@code /group/queryTree.reply i:id i:numChildren}, then depth first for each node below
         * {@code i:id i:numChildren s:uri} (numChildren -1 for a synth, uri empty for a group).
         */
        static TreeNode of(OSCMessage m) {
            List<Object> a = m.getArguments();
            int[] at = {2};
            return new TreeNode(i(a, 0), true, "", children(a, at, i(a, 1)));
        }

        private static List<TreeNode> children(List<Object> a, int[] at, int count) {
            List<TreeNode> nodes = new ArrayList<>(Math.max(0, count));
            for (int k = 0; k < count; k++) {
                int id = i(a, at[0]);
                int n = i(a, at[0] + 1);
                String uri = s(a, at[0] + 2);
                at[0] += 3;
                nodes.add(n < 0 ? new TreeNode(id, false, uri, List.of()) : new TreeNode(id, true, uri, children(a, at, n)));
            }
            return List.copyOf(nodes);
        }
    }

    /** {@code /buffer/info i:id i:channels i:frames f:sampleRate}. */
    public record BufferInfo(int id, int channels, int frames, float sampleRate) {
        static BufferInfo of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new BufferInfo(i(a, 0), i(a, 1), i(a, 2), f(a, 3));
        }
    }

    /** {@code /done s:/output/record/stop i:frames i:lostBlocks}: the frames in the file, the blocks lost (silence). */
    public record RecordingStopped(int frames, int lostBlocks) {
        static RecordingStopped of(OSCMessage m) {
            List<Object> a = m.getArguments();
            return new RecordingStopped(i(a, 1), i(a, 2));
        }
    }

    /**
     * A port of a SynthDef: kind {@code audio}, {@code control} or {@code resource}; direction {@code input} or
     * {@code output}; {@code defaultValue}, what a control input starts at when {@code /synth/new} gives no value
     * (0 for every other port).
     */
    public record Port(String name, String kind, String direction, float defaultValue) {

        /** A port with default 0 (the shape of 1.1.0, kept for its callers). */
        public Port(String name, String kind, String direction) {
            this(name, kind, direction, 0f);
        }
    }

    /** {@code /synthdef/info.reply s:uri} then {@code s:name s:kind s:direction f:default} for each port in order. */
    public record SynthDefInfo(String uri, List<Port> ports) {
        static SynthDefInfo of(OSCMessage m) {
            List<Object> a = m.getArguments();
            if ((a.size() - 1) % 4 != 0) {
                throw new IllegalArgumentException("ports of /synthdef/info.reply come in fours (name, kind, direction,"
                        + " default), got " + (a.size() - 1) + " values");
            }
            List<Port> ports = new ArrayList<>();
            for (int k = 1; k < a.size(); k += 4) {
                ports.add(new Port(s(a, k), s(a, k + 1), s(a, k + 2), f(a, k + 3)));
            }
            return new SynthDefInfo(s(a, 0), List.copyOf(ports));
        }
    }

    /** {@code /synthdef/list.reply s:uri…}. */
    static List<String> uris(OSCMessage m) {
        List<String> uris = new ArrayList<>();
        for (int k = 0; k < m.getArguments().size(); k++) {
            uris.add(s(m.getArguments(), k));
        }
        return List.copyOf(uris);
    }

    /** {@code /buffer/onsets.reply i:id i:frame…}: the frames. */
    static int[] onsets(OSCMessage m) {
        List<Object> a = m.getArguments();
        int[] frames = new int[a.size() - 1];
        for (int k = 0; k < frames.length; k++) {
            frames[k] = i(a, k + 1);
        }
        return frames;
    }

    static int i(List<Object> a, int k) {
        return ((Number) a.get(k)).intValue();
    }

    static float f(List<Object> a, int k) {
        return ((Number) a.get(k)).floatValue();
    }

    static String s(List<Object> a, int k) {
        return a.get(k).toString();
    }
}
