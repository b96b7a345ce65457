"""The play synth's cubic and linear kernels end to end, checked against references that share nothing with the engine.

Written from docs/score-format.md, docs/osc-api.md and the WAV format alone, with Python's standard library: a
32-bit float WAV made here, a score packed here byte by byte, then the render's file read here and compared with
Catmull-Rom and linear interpolation computed here in double. Two renders, two voices each, looping over the whole
buffer on the two hardware outputs: cubic at rate 1.03 (within a sixteenth of 1: the 16-lane vector kernel where the
CPU has 512-bit vectors) and 0.92 (8 lanes); linear at 1.05 and 0.97 (the linear vector kernel, ADR 0023). Unheard
voices of the same interpolation on an internal bus make each render long enough for the vector kernels to come on
(ADRs 0021, 0023).

Usage: python3 play_render.py DIST WORK [SECONDS [FILLERS]]; prints what it found, exits 1 on a difference.
"""
import math
import os
import random
import struct
import subprocess
import sys

RATE = 48000
FRAMES = 4800
CUBIC, LINEAR = 2, 1
RENDERS = [(CUBIC, [1.03, 0.92]), (LINEAR, [1.05, 0.97])]  # an interpolation and its voices' rates, one output each
START = 0.02  # the voices' bundle, after the buffer is read
AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1"
PLAY = "http://methc.la/plugins/play"


def float32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def write_wav(path, samples):
    """A mono WAV, format 3 (IEEE float), 32 bits."""
    data = b"".join(struct.pack("<f", x) for x in samples)
    fmt = struct.pack("<HHIIHH", 3, 1, RATE, RATE * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)


def read_wav(path):
    """The channels and the interleaved float samples of a 32-bit float WAV."""
    with open(path, "rb") as f:
        b = f.read()
    assert b[:4] == b"RIFF" and b[8:12] == b"WAVE", "not a WAV file"
    o, fmt, data = 12, None, None
    while o + 8 <= len(b):
        chunk, size = b[o:o + 4], struct.unpack("<I", b[o + 4:o + 8])[0]
        if chunk == b"fmt ":
            fmt = struct.unpack("<HHIIHH", b[o + 8:o + 24])
        elif chunk == b"data":
            data = b[o + 8:o + 8 + size]
        o += 8 + size + size % 2
    assert fmt[0] in (3, 0xFFFE) and fmt[5] == 32, "not 32-bit float: %r" % (fmt,)
    return fmt[1], struct.unpack("<%df" % (len(data) // 4), data)


def osc_string(s):
    b = s.encode()
    return b + b"\0" * (4 - len(b) % 4)


def osc_arguments(values):
    tags, data = "", b""
    for v in values:
        if isinstance(v, list):
            t, d = osc_arguments(v)
            tags, data = tags + "[" + t + "]", data + d
        elif isinstance(v, int):
            tags, data = tags + "i", data + struct.pack(">i", v)
        elif isinstance(v, float):
            tags, data = tags + "f", data + struct.pack(">f", v)
        else:
            tags, data = tags + "s", data + osc_string(v)
    return tags, data


def message(address, *values):
    tags, data = osc_arguments(values)
    return osc_string(address) + osc_string("," + tags) + data


def record(seconds, *messages):
    """A score record: its size, then a bundle whose time tag counts seconds from 0."""
    whole = int(seconds)
    bundle = b"#bundle\0" + struct.pack(">II", whole, int(round((seconds - whole) * 2 ** 32)))
    bundle += b"".join(struct.pack(">i", len(m)) + m for m in messages)
    return struct.pack(">i", len(bundle)) + bundle


def catmull_rom(src, p):
    """The 4-point Catmull-Rom spline at position p, neighbours wrapping in the loop [0, len(src))."""
    x = math.floor(p)
    f = p - x
    xm1, x0, x1, x2 = (src[(x + d) % len(src)] for d in (-1, 0, 1, 2))
    return x0 + 0.5 * f * (x1 - xm1 + f * (2 * xm1 - 5 * x0 + 4 * x1 - x2 + f * (3 * (x0 - x1) + x2 - xm1)))


def linear(src, p):
    """Linear interpolation at position p, the next frame wrapping in the loop [0, len(src))."""
    x = math.floor(p)
    f = p - x
    return src[x % len(src)] + f * (src[(x + 1) % len(src)] - src[x % len(src)])


def main():
    dist, work = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
    fillers = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    samples = os.path.join(work, "samples")
    os.makedirs(samples, exist_ok=True)
    rnd = random.Random(7)
    src = [float32(0.5 * math.sin(2 * math.pi * 5 * i / FRAMES) + rnd.uniform(-0.4, 0.4)) for i in range(FRAMES)]
    write_wav(os.path.join(samples, "in.wav"), src)

    failed = False
    for mode, rates in RENDERS:
        failed |= render_and_check(dist, work, samples, src, mode, rates, seconds, fillers)
    print("differs" if failed else "ok")
    return 1 if failed else 0


def render_and_check(dist, work, samples, src, mode, rates, seconds, fillers):
    """Renders voices at rates on outputs 0, 1, ... with interpolation mode; whether any differs from its reference."""
    voices = []
    for k, rate in enumerate(rates):
        # controls [rate, loop], options [buffer, channels, interpolation]; output 0 to hardware bus k
        voices += [message("/synth/new", PLAY, 100 + k, 0, 1, [rate, 1.0], [1, 1, mode]),
                   message("/synth/map/output", 100 + k, 0, k, 1), message("/synth/activate", 100 + k)]
    for k in range(fillers):
        voices += [message("/synth/new", PLAY, 200 + k, 0, 1, [1.01, 1.0], [1, 1, mode]),
                   message("/synth/map/output", 200 + k, 0, 3, 0), message("/synth/activate", 200 + k)]
    score = record(0.0, message("/resource/new", AUDIO_BUFFER, 1, 1, FRAMES))
    score += record(0.005, message("/buffer/read", 1, "in.wav"))
    score += record(START, *voices) + record(seconds, message("/sync", 0))
    score_path, out_path = os.path.join(work, "score-%d.osc" % mode), os.path.join(work, "out-%d.wav" % mode)
    with open(score_path, "wb") as f:
        f.write(score)

    render = subprocess.run([os.path.join(dist, "bin", "methcla"), "render", score_path, out_path, "--sample-root",
                             samples, "--max-nodes", str(fillers + 16), "--quiet"], capture_output=True, text=True)
    print(render.stdout.strip())
    log = render.stderr.splitlines()
    for line in log:
        if "cubic kernel" in line or "linear kernel" in line or "offline driver" in line:
            print(line)
    if render.returncode != 0:
        print(render.stderr)
        return True
    # the log's lines come in order: was this interpolation's vector kernel on before the render ended?
    kernel = "%s kernel: vector" % ("cubic" if mode == CUBIC else "linear")
    on = next((i for i, line in enumerate(log) if kernel in line), None)
    done = next((i for i, line in enumerate(log) if "methcla rendered" in line), len(log))
    print("%s on during the render: %s" % (kernel, "yes" if on is not None and on < done else "no"))

    channels, out = read_wav(out_path)
    first = round(START * RATE)
    failed = False
    reference, name = (catmull_rom, "Catmull-Rom") if mode == CUBIC else (linear, "linear interpolation")
    for k, rate in enumerate(rates):
        step = round(float32(rate) * 2 ** 32)  # the rate as the float32 the score carries, in 32.32 fixed point
        worst = max(abs(out[(first + j) * channels + k] - reference(src, ((j * step) % (FRAMES << 32)) / 2 ** 32))
                    for j in range(len(out) // channels - first))
        silent = all(out[i * channels + k] == 0.0 for i in range(first))
        print("voice at rate %s: largest difference from %s in double %.2e; silent before its start: %s"
              % (rate, name, worst, silent))
        failed |= not (worst < 1e-5 and silent)
    return failed


if __name__ == "__main__":
    sys.exit(main())
