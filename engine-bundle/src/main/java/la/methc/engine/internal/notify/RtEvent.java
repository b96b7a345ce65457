package la.methc.engine.internal.notify;

import la.methc.engine.internal.osc.Client;

/**
 * A message from the RT thread to the notifier thread. Pooled and reused: RT fills the fields of a free
 * event, so routine notifications cost RT no allocation.
 */
public final class RtEvent {

    public enum Kind {
        /** {@code /error s:address i:id s:reason} to {@code client}. */
        ERROR,
        /** {@code /node/done i:id} to notify clients. */
        NODE_DONE,
        /**
         * Destroy {@code payload} (a Synth of SynthDef {@code uri}, or null for a group), then {@code /node/ended
         * i:id} to notify clients and {@code client}.
         */
        NODE_ENDED,
        /** A synth that never entered the tree: destroy {@code payload} quietly. */
        SYNTH_DISCARD,
        /**
         * {@code /sync} barrier: wait until no worker job of origin below {@code sequence} (the barrier) is
         * queued or running, then go through RT again, which answers it or sends it back (see Engine).
         */
        SYNC,
        /** {@code /synced i:id} to {@code client}: the second pass of a {@code /sync} through RT. */
        SYNCED,
        /** {@code /status.reply} to {@code client}. */
        STATUS,
        /** Run {@code payload} (a HostCommand), job number {@code job} of origin {@code sequence}, on a worker. */
        HOST_COMMAND,
        /** Count down {@code payload} (a CountDownLatch) once everything before it was handled. */
        LATCH,
        /** {@code /resource/ready i:id} to notify clients and {@code client} (the sender of /resource/new). */
        RESOURCE_READY,
        /** {@code /resource/error i:id s:reason} to notify clients and {@code client}. */
        RESOURCE_ERROR,
        /** {@code /resource/destroyed i:id} to notify clients and {@code client} (the sender of /resource/free). */
        RESOURCE_DESTROYED,
        /** {@code /resource/info i:id s:uri s:state i:refcount} to {@code client}. */
        RESOURCE_INFO,
        /**
         * A failed re-map, logged as a warning (the client is not told): node {@code id} ({@code address}: its
         * SynthDef URI), resource port {@code port}, resource {@code value}; {@code payload} says why (a
         * ResourceStatus or a Throwable).
         */
        REMAP_FAILED,
        /** {@code reason} logged as a warning ({@code payload}: a Throwable or null). */
        WARNING,
        /** {@code payload} (an OSCPacket built off RT, e.g. a plugin command's reply) to {@code client}. */
        REPLY,
        /** {@code /done s:address} to {@code client}. */
        DONE,
        /** {@code /node/info i:id i:parent i:isGroup s:uri} to {@code client}: parent in {@code value}, isGroup in {@code port}. */
        NODE_INFO,
        /** {@code /group/queryTree.reply} from {@code payload} (a TreeSnapshot RT filled) to {@code client}. */
        TREE,
        /** {@code /scheduler/info i:pending i:capacity} to {@code client}: pending in {@code id}, capacity in {@code value}. */
        SCHEDULER_INFO
    }

    public Kind kind;
    public Client client;
    public int id;
    public String address;
    public String reason;
    public Object payload;
    /** SYNC: the barrier (jobs of origin below it count); HOST_COMMAND: the job's origin. */
    public long sequence;
    /** HOST_COMMAND: the job's number (RT numbers jobs in the order it hands them out). */
    public long job;

    // resources
    public String uri;
    public String state;
    public int refcount;
    public int port;
    public int value;

    // status
    public int synths;
    public int groups;
    public int resources;
    public float averageLoad;
    public float peakLoad;
    public long lateBlocks;

    void clear() {
        kind = null;
        client = null;
        address = null;
        reason = null;
        payload = null;
        uri = null;
        state = null;
    }
}
