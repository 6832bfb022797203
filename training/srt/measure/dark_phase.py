"""The x4 phase pattern a generator draws on flat inputs (issue #17: `srresnet`'s grid in dark hair).

    cd training && /usr/bin/python3 -m srt.measure.dark_phase

For a flat 32x32 LR input at a few grey levels, the output (8 px border cut) is folded into its 4x4 sub-pixel
phases; the amplitude is the largest spread of the 16 phase means over the colour channels, in 8-bit levels. A
photograph's flat area has none; a sub-pixel layer that draws a checkerboard shows it at every level it draws it.
For generators with BatchNorm, the same on a dark, slightly noisy input with the stored statistics and with the
input's own (training-mode) statistics: if the pattern goes away with the input's own statistics, it comes from
stored statistics that do not fit dark inputs, not from the sub-pixel layer alone.
"""
import copy

import torch

from ..io.weights import load_generator
from ..core.train import PUBLIC_WEIGHTS

LEVELS = (0.02, 0.1, 0.5)


def phase_amplitude(out, border=8):
    o = out.clamp(0, 1)[0, :, border:-border, border:-border]
    c, h, w = o.shape
    o = o[:, : h // 4 * 4, : w // 4 * 4].reshape(c, h // 4, 4, w // 4, 4).mean((1, 3))
    return (o.amax((1, 2)) - o.amin((1, 2))).max().item() * 255


@torch.no_grad()
def main(models=("srresnet", "srresnet_vgg", "srgan", "rrdb_psnr")):
    torch.manual_seed(0)
    torch.set_num_threads(2)
    for mid in models:
        net, _ = load_generator(PUBLIC_WEIGHTS / mid)
        net.eval()
        flat = {lv: phase_amplitude(net(torch.full((1, 3, 32, 32), lv))) for lv in LEVELS}
        line = f"{mid}: " + ", ".join(f"level {lv}: {a:.1f}" for lv, a in flat.items())
        if any(isinstance(m, torch.nn.BatchNorm2d) for m in net.modules()):
            dark = 0.02 + 0.01 * torch.rand(1, 3, 32, 32)
            line += (f"; dark noisy input: stored statistics {phase_amplitude(net(dark)):.1f}, "
                     f"its own {phase_amplitude(copy.deepcopy(net).train()(dark)):.1f}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
