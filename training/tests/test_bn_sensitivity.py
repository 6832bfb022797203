import json

import pytest
import torch

from conftest import REPO, SHARED
from srt.measure import bn_sensitivity
from srt.core.models import build


class FixedBatches:
    """A stand-in for PatchSampler: the same list of LR batches, in order."""

    def __init__(self, batches):
        self.batches, self.i = batches, 0

    def batch(self, n):
        b = self.batches[self.i]
        self.i += 1
        return b, None


def test_reestimation_averages_the_batch_statistics_and_changes_no_weight():
    torch.manual_seed(0)
    net = build("srresnet", num_feat=8, num_block=1).eval()
    weights = {k: v.clone() for k, v in net.state_dict().items() if "running" not in k and "num_batches" not in k}
    batches = [torch.rand(2, 3, 8, 8) * (i + 1) for i in range(3)]
    bn_sensitivity.reestimate_batchnorm(net, FixedBatches(batches), 3, 2)
    # the first BatchNorm sees conv1(prelu_first(conv_first(x))): its running mean is the mean of the three batch means
    with torch.no_grad():
        block = net.body[0]
        means = [block.conv1(net.prelu_first(net.conv_first(b))).mean((0, 2, 3)) for b in batches]
    assert torch.allclose(block.bn1.running_mean, torch.stack(means).mean(0), atol=1e-6)
    assert all(torch.equal(net.state_dict()[k], v) for k, v in weights.items())
    assert not net.training


def test_a_network_without_batchnorm_is_refused():
    with pytest.raises(ValueError, match="no BatchNorm"):
        bn_sensitivity.reestimate_batchnorm(build("srcnn"), FixedBatches([]), 1, 1)


@pytest.mark.skipif(not (SHARED / "eval").exists(), reason="needs ../shared/datasets")
def test_stored_statistics_reproduce_the_card():
    folder = REPO / "public/weights/srresnet"
    card = json.loads((folder / "card.json").read_text())
    before, after = bn_sensitivity.main(f"--weights {folder} --data {SHARED} --batches 1 --batch-size 2".split())
    assert abs(sum(before.values()) / len(before) - card["metrics"]["set5"]["psnr"]) < 1e-3
    assert before.keys() == after.keys() and before != after
