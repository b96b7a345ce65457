package la.methc.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A synth's binding to one Resource of kind {@code uri}, with its body cast to {@code T} (the Java form of
 * {@code methcla::ResourceRef<T>}). Create it when the synth is constructed (NRT), bind it on RT in
 * {@link Synth#attach} or {@link Synth#remap}, read {@link #get()} in {@link Synth#process} and close it in
 * {@link Synth#detach}. Binding, re-binding and closing allocate nothing; only a failing {@link #acquire}
 * does (it builds its exception). Not thread-safe: RT only after construction.
 *
 * @param <T> the body's type, the one {@code uri} names
 */
public final class ResourceRef<T> implements AutoCloseable {

    /** The id of no Resource. */
    public static final int NONE = -1;

    private final String uri;
    private final Class<T> type;
    private World world;
    private int id = NONE;
    private T body;

    /** NRT or RT. An unbound ref for Resources of kind {@code uri} whose bodies are {@code type}. */
    public ResourceRef(String uri, Class<T> type) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** RT. A ref bound to {@code id}. Allocates: for {@code attach}, not for {@code process}. */
    public static <T> ResourceRef<T> acquire(World world, int id, String uri, Class<T> type) {
        ResourceRef<T> ref = new ResourceRef<>(uri, type);
        ref.bind(world, id);
        return ref;
    }

    /** RT. Like {@link #acquire(World, int, String, Class)}, empty instead of throwing. */
    public static <T> Optional<ResourceRef<T>> tryAcquire(World world, int id, String uri, Class<T> type) {
        ResourceRef<T> ref = new ResourceRef<>(uri, type);
        return ref.tryReplace(world, id) ? Optional.of(ref) : Optional.empty();
    }

    /**
     * RT. Binds this ref to {@code newId}, releasing what it held before.
     *
     * @throws ResourceAcquireError when {@code newId} cannot be acquired (the old binding stays)
     */
    public void bind(World world, int newId) {
        if (!tryReplace(world, newId)) {
            throw AcquireFailure.of(newId, world.status(newId, uri), type);
        }
    }

    /**
     * RT. Acquires {@code newId} first and, only if that worked, releases the old binding: on false
     * nothing changed. Re-binding to the id already held is a no-op that succeeds.
     */
    public boolean tryReplace(World world, int newId) {
        if (body != null && newId == id && this.world == world) {
            return true;
        }
        Object b = world.acquire(newId, uri);
        if (b == null) {
            return false;
        }
        if (!type.isInstance(b)) {
            // the URI matched but the plugin's body is of another class: treat as a failed acquire
            world.release(newId);
            return false;
        }
        close();
        this.world = world;
        id = newId;
        body = type.cast(b);
        return true;
    }

    /** The body, or null when unbound. RT. */
    public T get() {
        return body;
    }

    /** The bound id, or {@link #NONE}. */
    public int id() {
        return id;
    }

    public boolean isBound() {
        return body != null;
    }

    public String uri() {
        return uri;
    }

    /** RT. Releases the binding, if any; idempotent. */
    @Override
    public void close() {
        if (body != null) {
            World w = world;
            int old = id;
            body = null;
            id = NONE;
            world = null;
            w.release(old);
        }
    }
}
