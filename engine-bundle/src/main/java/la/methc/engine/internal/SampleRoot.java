package la.methc.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The directory client file paths are confined to ({@code Host.samplePath}): option {@code sampleRoot}, made
 * absolute against the working directory and normalised ({@code bin/methcla} runs in the distribution's root,
 * so the default {@code samples} is {@code <distribution>/samples}). NRT, thread-safe (immutable).
 *
 * <p>A path is resolved against the root and normalised lexically (so {@code ..} cannot climb out unnoticed),
 * then its symbolic links are resolved ({@link Path#toRealPath}) as far as it exists: the file itself, else its
 * nearest existing parent, so a path to a file yet to be written is checked too. The result must lie in the
 * real root; it is what the caller gets, so the file opened is the one checked. (A link swapped between the
 * check and the open is not guarded against: the sample root is the operator's directory, not a sandbox
 * against local users.)
 */
public final class SampleRoot {

    /** Longest client path accepted (Linux's PATH_MAX): refused at once, not walked component by component. */
    static final int MAX_PATH_CHARS = 4096;

    private final Path root;

    public SampleRoot(String configured) {
        try {
            root = Path.of(configured).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("sampleRoot is not a path: " + configured, e);
        }
    }

    /** The root as configured: absolute and normalised (its links not resolved). */
    public Path root() {
        return root;
    }

    /**
     * NRT. {@code path} (relative to the root, or absolute inside it) as a real, absolute path inside the root.
     *
     * @throws IllegalArgumentException when it is empty, too long, malformed, a broken symbolic link, or outside
     *     the root
     */
    public Path resolve(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        if (path.length() > MAX_PATH_CHARS) {
            throw new IllegalArgumentException("path of " + path.length() + " characters is longer than "
                    + MAX_PATH_CHARS);
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("bad path " + path + ": " + e.getReason(), e);
        }
        Path candidate = root.resolve(p).normalize();
        if (!candidate.startsWith(root)) {
            throw outside(path);
        }
        Path real = real(candidate, path);
        if (!real.startsWith(real(root, path))) {
            throw outside(path);
        }
        return real;
    }

    private IllegalArgumentException outside(String path) {
        return new IllegalArgumentException("path " + path + " is outside the sample root " + root);
    }

    /** {@code p} with the links of its existing part resolved; the rest (not there yet) appended. */
    private static Path real(Path p, String asGiven) {
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new IllegalArgumentException("path " + asGiven + ": " + existing + " is a broken symbolic link");
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("path " + asGiven + ": cannot resolve " + existing + " (" + e + ")", e);
        }
    }
}
