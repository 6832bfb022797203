import gzip
import hashlib
import json
import shutil

import numpy as np
import pytest
import torch
from conftest import SHARED

from srt.io import export
from srt.io import safetensors, weights
from srt.core import train
from srt.measure.niqe import load_params, niqe

# NIQE parameters of the right shapes: export measures NIQE, these tests do not look at its value
NIQE_STUB = {"mu_pris_param": np.zeros((1, 36)), "cov_pris_param": np.eye(36), "gaussian_window": np.ones((7, 7)) / 49}


def test_lockstep_training_resumes_and_exports(tiny_zoo, image_root, tmp_path):
    runs = tmp_path / "runs"
    args = f"--models rrdb_psnr,rrdb_bn_psnr --data {image_root} --runs {runs} --iters 6 --log-every 1 --eval-every 3"
    # stop after the first step (time limit 0): a checkpoint is written and exit code 3 says "resume me"
    assert train.main((args + " --time-limit 0").split()) == 3
    assert json.loads((runs / "rrdb_psnr/log.jsonl").read_text().splitlines()[-1])["step"] == 0
    assert train.main(args.split()) == 0
    steps = [json.loads(line)["step"] for line in (runs / "rrdb_psnr/log.jsonl").read_text().splitlines()]
    assert steps == list(range(6))  # resumed at step 1, no step repeated or skipped
    meta = torch.load(runs / "rrdb_psnr/final.pt", weights_only=False)["meta"]
    assert meta["iterations"] == 6 and meta["lockstep_group"] == ["rrdb_psnr", "rrdb_bn_psnr"]


def test_gan_training_logs_discriminator_outputs(tiny_zoo, image_root, tmp_path):
    runs = tmp_path / "runs"
    assert train.main(f"--models rrdb_psnr --data {image_root} --runs {runs} --iters 2".split()) == 0
    assert train.main(f"--models esrgan,esrgan_std --data {image_root} --runs {runs} --iters 2 --log-every 1".split()) == 0
    rec = json.loads((runs / "esrgan/log.jsonl").read_text().splitlines()[0])
    for key in ("loss_vgg", "loss_gan", "loss_l1", "loss_d", "c_real", "c_fake", "d_real", "d_fake"):
        assert key in rec, key


def test_joint_discriminator_batch_normalises_real_and_generated_patches_together():
    """disc_batch "joint": one BatchNorm batch holds both halves, so a half's scores depend on the other half;
    "separate" scores each half alone (the shipped recipe)."""
    torch.manual_seed(0)
    disc = train.build("vgg_discriminator", num_feat=2).train()
    hr, sr = torch.rand(2, 3, 128, 128), torch.rand(2, 3, 128, 128) * 0.2
    job = type("Job", (), {"disc": disc, "cfg": {"disc_batch": "joint"}})()
    real, fake = train.Trainer.scores(job, hr, sr)
    both = disc(torch.cat([hr, sr]))
    assert torch.allclose(real, both[:2]) and torch.allclose(fake, both[2:])
    job.cfg["disc_batch"] = "separate"
    real_alone, fake_alone = train.Trainer.scores(job, hr, sr)
    assert torch.allclose(real_alone, disc(hr)) and not torch.allclose(real_alone, real, atol=1e-4)
    assert train.Trainer.scores(job, hr, sr, real=False)[0] is None


def test_freeze_bn_keeps_the_generators_batchnorm_statistics(tiny_zoo, image_root, tmp_path):
    """srresnet_vgg and srgan fine-tune with the BatchNorm statistics of `srresnet` (zoo `freeze_bn`); the
    discriminator's BatchNorm still learns its own. Without the flag the statistics move with every batch."""
    runs = tmp_path / "runs"
    assert train.main(f"--models srresnet --data {image_root} --runs {runs} --iters 2".split()) == 0
    assert tiny_zoo["srgan"]["freeze_bn"] and tiny_zoo["srresnet_vgg"]["freeze_bn"]
    init = torch.load(runs / "srresnet/final.pt", weights_only=False)["model"]
    tiny_zoo["srresnet_vgg"]["freeze_bn"] = False  # the control: the same run with BatchNorm in training mode
    assert train.main(f"--models srgan,srresnet_vgg --data {image_root} --runs {runs} --iters 3".split()) == 0
    frozen = torch.load(runs / "srgan/final.pt", weights_only=False)
    moving = torch.load(runs / "srresnet_vgg/final.pt", weights_only=False)["model"]
    stats = [k for k in init if k.endswith(("running_mean", "running_var"))]
    assert stats and all(torch.equal(frozen["model"][k], init[k]) for k in stats)
    assert not all(torch.equal(moving[k], init[k]) for k in stats)
    assert not torch.equal(frozen["model"]["conv_first.weight"], init["conv_first.weight"])  # the weights still learn
    assert not torch.equal(frozen["model"]["body.0.bn1.weight"], init["body.0.bn1.weight"])  # and BN's scale
    d_stats = [k for k in frozen["disc"] if k.endswith("running_mean")]
    assert d_stats and any(frozen["disc"][k].abs().sum() > 0 for k in d_stats)  # the discriminator's BN is not frozen


def test_training_runs_without_set14(tiny_zoo, image_root, tmp_path):
    """A GPU call may carry Set5 alone (the 64 MiB limit): training still ends, with no Set14 figures."""
    data, runs = tmp_path / "data", tmp_path / "runs"
    shutil.copytree(image_root, data)
    shutil.rmtree(data / "eval/Set14")
    assert train.main(f"--models srcnn --data {data} --runs {runs} --iters 2".split()) == 0
    meta = json.loads((runs / "srcnn/meta.json").read_text())
    assert meta["set14"] is None and meta["set5"]["psnr"] > 0


def test_export_writes_golden_vectors_of_the_stored_weights(tiny_zoo, image_root, tmp_path):
    runs, out = tmp_path / "runs", tmp_path / "weights"
    assert train.main(f"--models srresnet --data {image_root} --runs {runs} --iters 2".split()) == 0
    export.export_generator("srresnet", runs, out, image_root, NIQE_STUB, fmt="int8")
    card = json.loads((out / "srresnet/card.json").read_text())
    packed = (out / "srresnet/weights.safetensors.gz").read_bytes()
    content = gzip.decompress(packed)
    assert card["weights"]["file"] == "weights.safetensors.gz" and card["weights"]["encoding"] == "gzip"
    assert card["weights"]["bytes"] == len(packed)  # what is downloaded
    assert card["weights"]["decoded_bytes"] == len(content)  # what is parsed, and hashed
    assert card["weights"]["sha256"] == hashlib.sha256(content).hexdigest() == export.sha256(out / "srresnet/weights.safetensors.gz")
    assert packed[:2] == b"\x1f\x8b" and packed[4:8] == b"\0\0\0\0"  # gzip, mtime 0
    assert not (out / "srresnet/weights.safetensors").exists()
    net, _ = weights.load_generator(out / "srresnet")
    golden, _ = safetensors.load(out / "srresnet/golden.safetensors")
    assert golden["input"].shape == (1, export.GOLDEN_LR, export.GOLDEN_LR, 3)
    with torch.no_grad():
        y = net(torch.from_numpy(golden["input"].copy()).permute(0, 3, 1, 2)).permute(0, 2, 3, 1).numpy()
    assert np.abs(y - golden["output"]).max() < 1e-5
    assert set(card["tensors"]) == {k for k in net.state_dict() if not k.endswith("num_batches_tracked")}


@pytest.mark.skipif(not (SHARED / "metrics").exists(), reason="needs ../shared/datasets")
def test_niqe_prefers_the_real_image_to_its_bicubic_enlargement():
    from srt.core.data import load_eval_set
    from srt.measure.evaluate import upscale
    from srt.measure.metrics import rgb_to_y
    params = load_params(SHARED / "metrics/niqe_pris_params.npz")
    for name, lr, hr in load_eval_set(SHARED, "Set5"):
        real = niqe(rgb_to_y(hr)[0, 0, 4:-4, 4:-4].numpy(), params)
        bicubic = niqe(rgb_to_y(upscale(None, lr, "bicubic"))[0, 0, 4:-4, 4:-4].numpy(), params)
        assert real < bicubic, name


def test_warm_start_continues_from_exported_weights(tiny_zoo, image_root, tmp_path):
    runs, out = tmp_path / "runs", tmp_path / "weights"
    assert train.main(f"--models srcnn --data {image_root} --runs {runs} --iters 2".split()) == 0
    export.export_generator("srcnn", runs, out, image_root, NIQE_STUB, fmt="fp16")
    stored, _ = weights.load_generator(out / "srcnn")
    job = train.Job("srcnn", tmp_path / "runs2", "cpu", warm_start=str(out))
    for k, v in stored.state_dict().items():
        assert torch.equal(job.net.state_dict()[k], v), k
    card = json.loads((out / "srcnn/card.json").read_text())
    assert job.warm_start == {"from": "exported srcnn", "iterations": 2, "sha256": card["weights"]["sha256"], "warm_start": None}
    assert train.main(f"--models srcnn --data {image_root} --runs {tmp_path / 'runs2'} --iters 1 --warm-start {out}".split()) == 0
    meta = json.loads((tmp_path / "runs2/srcnn/meta.json").read_text())
    assert meta["warm_start"] == job.warm_start  # the card of the model trained further says where it started


def test_repack_compresses_an_old_export_without_changing_its_content(tiny_zoo, image_root, tmp_path):
    runs, out = tmp_path / "runs", tmp_path / "weights"
    assert train.main(f"--models srcnn --data {image_root} --runs {runs} --iters 2".split()) == 0
    export.export_generator("srcnn", runs, out, image_root, NIQE_STUB, fmt="int8")
    # Turn the export into the older, uncompressed layout, then repack it.
    card_path = out / "srcnn/card.json"
    card = json.loads(card_path.read_text())
    content = gzip.decompress((out / "srcnn/weights.safetensors.gz").read_bytes())
    (out / "srcnn/weights.safetensors.gz").unlink()
    (out / "srcnn/weights.safetensors").write_bytes(content)
    old = {**card, "weights": {"file": "weights.safetensors", "bytes": len(content), "sha256": card["weights"]["sha256"],
                               "quantization": "int8"}}
    card_path.write_text(json.dumps(old))
    assert export.main(["--repack", "--out", str(out)]) == 0
    again = json.loads(card_path.read_text())
    assert again["weights"] == card["weights"]  # same entry as a fresh export
    assert gzip.decompress((out / "srcnn/weights.safetensors.gz").read_bytes()) == content
    assert not (out / "srcnn/weights.safetensors").exists()
    index = json.loads((out / "index.json").read_text())
    assert index["models"][0]["bytes"] == card["weights"]["bytes"]
    # A second repack changes nothing; the stored file reads back as the same network.
    assert export.main(["--repack", "--out", str(out)]) == 0
    assert json.loads(card_path.read_text()) == again
    net, _ = weights.load_generator(out / "srcnn")
    assert set(net.state_dict()) >= set(card["tensors"])


def test_zoo_init_falls_back_to_the_exported_weights(tiny_zoo, image_root, tmp_path, monkeypatch):
    """srresnet_vgg starts from srresnet: that model's run when --runs has one, else the exported weights
    (public/weights), wherever --runs points (a GPU call trains in a fresh folder)."""
    runs, out = tmp_path / "runs", tmp_path / "weights"
    assert train.main(f"--models srresnet --data {image_root} --runs {runs} --iters 2".split()) == 0
    export.export_generator("srresnet", runs, out, image_root, NIQE_STUB, fmt="fp16")
    monkeypatch.setattr(train, "PUBLIC_WEIGHTS", out)
    stored, _ = weights.load_generator(out / "srresnet")
    job = train.Job("srresnet_vgg", tmp_path / "elsewhere/runs", "cpu")
    for k, v in stored.state_dict().items():
        assert torch.equal(job.net.state_dict()[k], v), k


def test_set_changes_a_recipe_for_one_run_and_the_card_records_it(tiny_zoo, image_root, tmp_path):
    """`--set` reaches into the zoo entry of each model that has the setting; the export writes what ran."""
    from srt.core.zoo import with_overrides
    cfg = with_overrides(tiny_zoo["srgan"], ["loss.gan=5e-2", "content.layer=conv2_2", "batch=4"])
    assert cfg["loss"]["gan"] == 5e-2 and cfg["content"]["layer"] == "conv2_2" and cfg["batch"] == 4
    assert tiny_zoo["srgan"]["loss"]["gan"] != 5e-2  # the zoo itself is untouched
    assert "gan" not in with_overrides(tiny_zoo["srresnet_vgg"], ["loss.gan=5e-2"])["loss"]  # no term is added
    with pytest.raises(AssertionError):
        with_overrides(tiny_zoo["srgan"], ["loss.gan"])
    runs, out = tmp_path / "runs", tmp_path / "weights"
    assert train.main(f"--models srresnet --data {image_root} --runs {runs} --iters 2".split()) == 0
    assert train.main(f"--models srresnet_vgg,srgan --data {image_root} --runs {runs} --iters 2 --set loss.gan=5e-2 --set loss.l1=0.3".split()) == 0
    gan_meta = json.loads((runs / "srgan/meta.json").read_text())["config"]
    vgg_meta = json.loads((runs / "srresnet_vgg/meta.json").read_text())["config"]
    assert gan_meta["loss"]["gan"] == 5e-2 and gan_meta["loss"]["l1"] == 0.3
    assert gan_meta["overrides"] == ["loss.gan=5e-2", "loss.l1=0.3"] and vgg_meta["overrides"] == ["loss.l1=0.3"]
    export.export_generator("srgan", runs, out, image_root, NIQE_STUB, fmt="int8")
    assert json.loads((out / "srgan/card.json").read_text())["training"]["losses"]["gan"] == 5e-2


def test_a_deeper_rrdbnet_starts_as_its_init():
    """`--set params.num_block=6` from a 3-block init: the new blocks pass their input on and conv_body undoes
    their 1.2 gain, so the grown generator's first output is its init's."""
    from srt.core.models import build
    torch.manual_seed(0)
    small = build("rrdbnet", num_feat=16, num_block=2, num_grow_ch=8).eval()
    big = build("rrdbnet", num_feat=16, num_block=4, num_grow_ch=8).eval()
    loaded = big.load_state_dict(small.state_dict(), strict=False)
    train.silence_new_blocks(big, loaded.missing_keys)
    x = torch.rand(1, 3, 12, 12)
    with torch.no_grad():
        assert (big(x) - small(x)).abs().max() < 1e-5
    # without it the grown net is not its init
    fresh = build("rrdbnet", num_feat=16, num_block=4, num_grow_ch=8).eval()
    fresh.load_state_dict(small.state_dict(), strict=False)
    with torch.no_grad():
        assert (fresh(x) - small(x)).abs().max() > 1e-3


def test_ema_averages_the_weights_and_is_what_a_run_releases(tiny_zoo, image_root, tmp_path):
    """`--set ema=d`: after each step θ_ema = d·θ_ema + (1 − d)·θ; checkpoints keep it across a resume and final.pt
    (what export reads) holds the average, not the last weights."""
    runs = tmp_path / "runs"
    assert train.main(f"--models rrdb_psnr --data {image_root} --runs {runs} --iters 1".split()) == 0
    init = torch.load(runs / "rrdb_psnr/final.pt", weights_only=False)["model"]
    run = f"--models realesrnet --data {image_root} --runs {runs} --iters 3 --ckpt-every 1 --set ema=0.5"
    assert train.main((run + " --time-limit 0").split()) == 3  # one step, then checkpointed
    first = torch.load(runs / "realesrnet/ckpt.pt", weights_only=False)
    for k, v in init.items():
        assert torch.allclose(first["ema"][k], 0.5 * v + 0.5 * first["model"][k], atol=1e-6), k
    assert any((first["model"][k] - v).abs().max() > 0 for k, v in init.items())  # the step moved the weights
    assert train.main((run + " --time-limit 0").split()) == 3  # resumed for one more step: the average goes on from its own
    second = torch.load(runs / "realesrnet/ckpt.pt", weights_only=False)
    for k in init:
        assert torch.allclose(second["ema"][k], 0.5 * first["ema"][k] + 0.5 * second["model"][k], atol=1e-6), k
    assert train.main(run.split()) == 0
    last = torch.load(runs / "realesrnet/ckpt.pt", weights_only=False)
    final = torch.load(runs / "realesrnet/final.pt", weights_only=False)
    assert last["step"] == 3 and final["meta"]["config"]["ema"] == 0.5
    export.export_generator("realesrnet", runs, tmp_path / "weights", image_root, NIQE_STUB, fmt="int8")
    assert json.loads((tmp_path / "weights/realesrnet/card.json").read_text())["training"]["ema"] == 0.5
    assert all(torch.equal(final["model"][k], last["ema"][k]) for k in init)
    assert any(not torch.equal(final["model"][k], last["model"][k]) for k in init)
    from srt.core.zoo import with_overrides
    assert with_overrides(tiny_zoo["realesrnet"], ["ema=none"])["ema"] is None  # the weights themselves
