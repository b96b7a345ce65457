package la.methc.plugins.sampler.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * A {@link World} with a resource table as the engine keeps it (ADR 0001: slots with uri, body, refcount,
 * free_pending), without the engine. {@link #acquire}, {@link #status} and {@link #release} allocate nothing,
 * so the allocation test can run through them.
 */
final class FakeWorld implements World {

    static final class Slot {
        boolean live;
        boolean freePending;
        String uri;
        Object body;
        int refcount;
    }

    private final double sampleRate;
    private final int blockSize;
    private final Slot[] slots;
    /** The block being run, set by {@link Rig}. */
    long block;
    int acquires;
    int releases;
    private final Map<Synth, List<Long>> done = new IdentityHashMap<>();

    FakeWorld(double sampleRate, int blockSize, int maxResources) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.slots = new Slot[maxResources];
        for (int i = 0; i < maxResources; i++) {
            slots[i] = new Slot();
        }
    }

    FakeWorld() {
        this(48000, 64, 16);
    }

    /** Makes resource {@code id} live, as {@code /resource/new} + construct + publish would. */
    FakeWorld resource(int id, String uri, Object body) {
        Slot s = slots[id];
        if (s.live) {
            throw new IllegalStateException("slot " + id + " is live");
        }
        s.live = true;
        s.uri = uri;
        s.body = body;
        s.refcount = 0;
        s.freePending = false;
        return this;
    }

    FakeWorld buffer(int id, TestBuffer body) {
        return resource(id, la.methc.audiobuffer.AudioBuffer.URI, body);
    }

    /** {@code /resource/free} while held: the slot stays live with free_pending set. */
    void markFreePending(int id) {
        slots[id].freePending = true;
    }

    int refcount(int id) {
        return slots[id].refcount;
    }

    int totalRefcount() {
        int sum = 0;
        for (Slot s : slots) {
            sum += s.refcount;
        }
        return sum;
    }

    /** The blocks in which {@code synth} called {@link #synthDone}, in order. */
    List<Long> doneBlocks(Synth synth) {
        return done.getOrDefault(synth, List.of());
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public double currentTime() {
        return block * blockSize / sampleRate;
    }

    @Override
    public void synthDone(Synth synth) {
        done.computeIfAbsent(synth, s -> new ArrayList<>()).add(block);
    }

    @Override
    public boolean performCommand(HostCommand command) {
        return false;
    }

    @Override
    public Object acquire(int id, String expectedUri) {
        if (status(id, expectedUri) != ResourceStatus.OK) {
            return null;
        }
        Slot s = slots[id];
        s.refcount++;
        acquires++;
        return s.body;
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        if (id < 0 || id >= slots.length) {
            return ResourceStatus.OUT_OF_RANGE;
        }
        Slot s = slots[id];
        if (!s.live) {
            return ResourceStatus.NOT_LIVE;
        }
        if (s.freePending) {
            return ResourceStatus.FREE_PENDING;
        }
        if (!s.uri.equals(expectedUri)) {
            return ResourceStatus.WRONG_URI;
        }
        return ResourceStatus.OK;
    }

    @Override
    public void release(int id) {
        Slot s = slots[id];
        if (!s.live || s.refcount <= 0) {
            throw new AssertionError("release of resource " + id + " that is not held");
        }
        s.refcount--;
        releases++;
    }

    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return ResourceStatus.BUSY;
    }
}
