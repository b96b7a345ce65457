package la.methc.engine.internal.check;

import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * The {@link World} a trial synth runs in: the engine's rate and block size, the time of the blocks run, and at most
 * one Resource (the check's AudioBuffer) to acquire. It counts what the synth did instead of acting on it: holds,
 * releases of nothing held, {@code synthDone} and worker commands (refused: the check has no worker). Allocation-free
 * after construction. One trial thread only.
 */
final class CheckWorld implements World {

    private final double sampleRate;
    private final int blockSize;
    private final int resourceId;
    private final String resourceUri;
    private final Object resourceBody;
    private long blocks;
    private int holds;
    private int strayReleases;
    private long doneBlock = -1;
    private int commands;

    /** A world offering {@code body} as Resource {@code id} of kind {@code uri} (none when body is null). */
    CheckWorld(double sampleRate, int blockSize, int id, String uri, Object body) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.resourceId = id;
        this.resourceUri = uri;
        this.resourceBody = body;
    }

    void blockDone() {
        blocks++;
    }

    long blocks() {
        return blocks;
    }

    /** Holds of the Resource not released yet. */
    int holds() {
        return holds;
    }

    /** Releases of an id the synth did not hold. */
    int strayReleases() {
        return strayReleases;
    }

    /** The block of the first {@code synthDone}, or -1. */
    long doneBlock() {
        return doneBlock;
    }

    /** Worker commands the synth asked for (none ran). */
    int commands() {
        return commands;
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
        return blocks * (double) blockSize / sampleRate;
    }

    @Override
    public void synthDone(Synth synth) {
        if (doneBlock < 0) {
            doneBlock = blocks;
        }
    }

    /** Refused (false, as with a full queue): the check runs no worker. */
    @Override
    public boolean performCommand(HostCommand command) {
        commands++;
        return false;
    }

    @Override
    public Object acquire(int id, String expectedUri) {
        if (status(id, expectedUri) != ResourceStatus.OK) {
            return null;
        }
        holds++;
        return resourceBody;
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        if (resourceBody == null || id != resourceId) {
            return ResourceStatus.NOT_LIVE;
        }
        return resourceUri.equals(expectedUri) ? ResourceStatus.OK : ResourceStatus.WRONG_URI;
    }

    @Override
    public void release(int id) {
        if (id == resourceId && holds > 0) {
            holds--;
        } else {
            strayReleases++;
        }
    }

    /** Refused (BUSY): the check runs no worker. */
    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return ResourceStatus.BUSY;
    }
}
