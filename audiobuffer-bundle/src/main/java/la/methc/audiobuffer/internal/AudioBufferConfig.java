package la.methc.audiobuffer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The AudioBuffer def's configuration as ConfigAdmin gives it (PID {@value AudioBufferDef#PID}), and as metatype
 * tools describe it. {@code maxBytes} is a string without default, so that it is null when ConfigAdmin does not
 * set it and the property {@value AudioBufferDef#MAX_BYTES_PROPERTY} still applies ({@link MaxBytes}).
 */
@ObjectClassDefinition(id = AudioBufferDef.PID, name = "Methcla AudioBuffer",
        description = "The AudioBuffer resource class. Set here, an option overrides the command line"
                + " (-D" + AudioBufferDef.MAX_BYTES_PROPERTY + ") and conf/config.properties; a change applies"
                + " at once, to the buffers created from then on.")
@interface AudioBufferConfig {

    @AttributeDefinition(name = "Memory cap", description = "The most bytes of samples all AudioBuffers together"
            + " may hold (4 per sample): a number of bytes, or with k, m or g (e.g. 512m). A request over it is"
            + " refused with /resource/error; a value that is not a positive size is logged and ignored.",
            defaultValue = "1g", required = false)
    String maxBytes();
}
