package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The count of one flood's replies, fed by a TCP client's reader thread ({@link TcpOscClient}) and read by the
 * thread that sends: the answers to the queries, whether the closing {@code /synced} came, the answers that came
 * after it (a {@code /sync} that overtook replies), the errors, and the time of the last reply of any kind.
 */
final class FloodTally implements Consumer<OSCMessage>, TcpOscClient.Peek {

    private final Reply answer;
    /** The answer's address as encoded, and its id, for {@link #take}; null when the answer is not of that form. */
    private final byte[] answerAddress;
    private final int answerId;
    private final Predicate<OSCMessage> isError;
    private final Runnable onAnswer;
    private final List<OSCMessage> errors = new ArrayList<>();
    private Reply synced;
    private long answered;
    private long afterSync;
    private long others;
    private boolean sawSync;
    private long lastNanos;
    private long syncNanos;

    /**
     * @param answer what answers one query (e.g. {@code /b_info 9})
     * @param isError the server's refusals ({@code /error}, {@code /fail})
     * @param onAnswer run on the reader thread for each answer or error (the sender's window: either ends a
     *     request's wait), or null
     */
    FloodTally(Reply answer, Predicate<OSCMessage> isError, Runnable onAnswer) {
        this.answer = answer;
        this.isError = isError;
        this.onAnswer = onAnswer;
        this.lastNanos = System.nanoTime();
        boolean peekable = answer.leading().size() == 1 && answer.leading().get(0) instanceof Integer;
        this.answerAddress = peekable ? OscPeek.paddedAddress(answer.address()) : null;
        this.answerId = peekable ? (Integer) answer.leading().get(0) : 0;
    }

    /** Counts an answer straight from its bytes (the reader's fast path); anything else is left to decode. */
    @Override
    public boolean take(byte[] bytes, int offset, int length) {
        if (answerAddress == null || !OscPeek.matches(bytes, offset, length, answerAddress, answerId)) {
            return false;
        }
        countAnswer();
        return true;
    }

    private void countAnswer() {
        synchronized (this) {
            lastNanos = System.nanoTime();
            answered++;
            if (sawSync) {
                afterSync++;
            }
        }
        if (onAnswer != null) {
            onAnswer.run();
        }
    }

    /** The {@code /synced} that closes the flood: {@code /synced i:id}. */
    synchronized void expectSync(int id) {
        synced = Reply.of("/synced", id);
    }

    @Override
    public void accept(OSCMessage m) {
        if (answer.matches(m)) {
            countAnswer();
            return;
        }
        boolean isRefusal = false;
        synchronized (this) {
            lastNanos = System.nanoTime();
            if (synced != null && synced.matches(m)) {
                sawSync = true;
                syncNanos = lastNanos;
            } else if (isError.test(m)) {
                errors.add(m);
                isRefusal = true;
            } else {
                others++;
            }
        }
        if (isRefusal && onAnswer != null) {
            onAnswer.run();
        }
    }

    synchronized long answered() {
        return answered;
    }

    synchronized boolean synced() {
        return sawSync;
    }

    /** Answers that came after the {@code /synced}: {@code /sync} did not wait for them. */
    synchronized long afterSync() {
        return afterSync;
    }

    /** Messages that are neither answers, the {@code /synced}, nor errors (e.g. notifications). */
    synchronized long others() {
        return others;
    }

    synchronized List<OSCMessage> errors() {
        return List.copyOf(errors);
    }

    /** {@link System#nanoTime} of the last message received (of the construction, before any). */
    synchronized long lastNanos() {
        return lastNanos;
    }

    /** {@link System#nanoTime} of the {@code /synced}; meaningful once {@link #synced()}. */
    synchronized long syncNanos() {
        return syncNanos;
    }

    /** The share of {@code sent} requests answered: 1.0 when every one was (0 when none were sent). */
    static double share(long answered, long sent) {
        return sent <= 0 ? 0 : (double) answered / sent;
    }

    /** What a flood left unanswered: never negative (a server that answers twice loses nothing by it). */
    static long lost(long sent, long answered) {
        return Math.max(0, sent - answered);
    }

    /**
     * Whether the wait for a flood's replies is over: the {@code /synced} came, the connection ended, or nothing
     * came for {@code idleNanos} since {@code sinceNanos} (the later of the last send and the last reply).
     */
    static boolean settled(boolean synced, boolean ended, long nowNanos, long sinceNanos, long idleNanos) {
        return synced || ended || nowNanos - sinceNanos >= idleNanos;
    }

    /** {@code 6000} → {@code 6,000}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
