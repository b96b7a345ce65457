package la.methc.api.wav;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The sample formats {@link WavWriter} writes, each with the name a client gives it. */
public enum WavFormat {

    /** 32-bit IEEE float ({@code WAVE_FORMAT_IEEE_FLOAT}): values kept exactly, none clipped. */
    FLOAT("float", 3, 4),
    /** 16-bit PCM: clipped to [-1, 1], scaled by 32767 and rounded to nearest. */
    INT16("int16", 1, 2),
    /** 24-bit PCM: clipped to [-1, 1], scaled by 8388607 and rounded to nearest. */
    INT24("int24", 1, 3);

    private final String label;
    private final int formatTag;
    private final int bytesPerSample;

    WavFormat(String label, int formatTag, int bytesPerSample) {
        this.label = label;
        this.formatTag = formatTag;
        this.bytesPerSample = bytesPerSample;
    }

    /** The name clients use: {@code float}, {@code int16} or {@code int24}. */
    public String label() {
        return label;
    }

    /** The {@code fmt } chunk's format tag: 3 (IEEE float) or 1 (PCM). */
    public int formatTag() {
        return formatTag;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** The format called {@code label}; else an {@link IllegalArgumentException} naming the allowed ones. */
    public static WavFormat named(String label) {
        for (WavFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown WAV format \"" + label + "\": allowed are " + allowed());
    }

    /** The allowed names, e.g. for messages: {@code float, int16, int24}. */
    public static String allowed() {
        return Arrays.stream(values()).map(WavFormat::label).collect(Collectors.joining(", "));
    }
}
