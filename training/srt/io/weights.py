"""Reading the site's weight format (public/weights/<id>/: card.json and the stored safetensors) back into PyTorch
modules. Writing it is srt.io.export's job; this module imports nothing that measures, so srt.measure.evaluate can
read exported weights and srt.io.export can measure them without an import circle."""
import json
from pathlib import Path

from . import quantize, safetensors
from ..core.models import build


def load_state(net, sd):
    missing, unexpected = net.load_state_dict(sd, strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    assert not missing and not unexpected, (missing, unexpected)
    return net.eval()


def load_generator(folder):
    """(fp32 torch module with the stored weights, card) from an exported folder."""
    card = json.loads((Path(folder) / "card.json").read_text())
    tensors, _ = safetensors.load(Path(folder) / card["weights"]["file"])
    net = build(card["architecture"]["name"], **card["architecture"]["params"])
    return load_state(net, quantize.decode(tensors)), card


def load_discriminator(folder):
    """The same for an exported discriminator (`<generator id>_d`): the card names the architecture."""
    return load_generator(folder)
