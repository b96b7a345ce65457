package la.methc.api;

/**
 * Builds the {@link ResourceAcquireError} of a failed {@link ResourceRef#bind}. A class of its own, so that
 * {@link ResourceRef}, which runs on the RT thread, holds no String constants for its error text: HotSpot
 * resolves (allocates) every String constant of a class when it compiles one of its methods with C2, on
 * the thread that asked for the compilation, which may be the RT thread.
 */
final class AcquireFailure {

    private AcquireFailure() {
    }

    static ResourceAcquireError of(int id, ResourceStatus why, Class<?> type) {
        return new ResourceAcquireError(id, why, "resource " + id + ": "
                + (why == ResourceStatus.OK ? "its body is not a " + type.getName() : why.reason()));
    }
}
