/**
 * The AudioBuffer ResourceDef (a DS service), its bodies, its memory cap and its typed configuration. The engine
 * calls {@code construct} and {@code destroy} on a <b>Worker</b> thread, DS activates and reconfigures the def on
 * its own <b>NRT</b> thread, and a body's accessors are read on any thread that holds the Resource, the RT thread
 * included.
 */
package la.methc.audiobuffer.internal;
