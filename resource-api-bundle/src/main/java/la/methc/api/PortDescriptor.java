package la.methc.api;

import java.util.Objects;

/**
 * One port of a {@link Synth}.
 *
 * @param type what flows through the port
 * @param direction whether the synth reads or writes it
 * @param name a short human-readable name, used in error replies
 * @param defaultValue initial value of a control input when {@code /synth/new} gives none
 */
public record PortDescriptor(PortType type, PortDirection direction, String name, float defaultValue) {

    public PortDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
    }

    public static PortDescriptor audioInput(String name) {
        return new PortDescriptor(PortType.AUDIO, PortDirection.INPUT, name, 0f);
    }

    public static PortDescriptor audioOutput(String name) {
        return new PortDescriptor(PortType.AUDIO, PortDirection.OUTPUT, name, 0f);
    }

    public static PortDescriptor controlInput(String name, float defaultValue) {
        return new PortDescriptor(PortType.CONTROL, PortDirection.INPUT, name, defaultValue);
    }

    public static PortDescriptor controlOutput(String name) {
        return new PortDescriptor(PortType.CONTROL, PortDirection.OUTPUT, name, 0f);
    }

    /** A resource the synth reads, e.g. the buffer of a play synth. */
    public static PortDescriptor resourceInput(String name) {
        return new PortDescriptor(PortType.RESOURCE, PortDirection.INPUT, name, 0f);
    }

    /** A resource the synth writes, e.g. the buffer of a record synth. */
    public static PortDescriptor resourceOutput(String name) {
        return new PortDescriptor(PortType.RESOURCE, PortDirection.OUTPUT, name, 0f);
    }
}
