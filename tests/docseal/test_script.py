"""tools/verify_document.py run as a program: exit 0 valid, 1 invalid, 2 usage error."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docseal.test_seal import add_annotation

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "verify_document.py"


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@pytest.fixture
def files(tmp_path, demo, sealed):
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps(demo.keys_json()), encoding="utf-8")
    good = tmp_path / "good.pdf"
    good.write_bytes(sealed.pdf)
    return tmp_path, keys, good


def test_a_valid_document_exits_0(files):
    tmp_path, keys, good = files
    result = run(good, "--keys", keys, cwd=tmp_path)  # from another directory: the script finds docseal itself
    assert result.returncode == 0, result.stdout + result.stderr
    assert "RESULT: VALID" in result.stdout
    assert "the PDF's text shows the statement's number 'KĐ-2026/000123'" in result.stdout  # pypdf is installed
    report = json.loads(run(good, "--keys", keys, "--json").stdout)
    assert report["ok"] and report["statement"]["subject"] == "SN-2026-ABCDEFGH-123"


def test_a_modified_or_revoked_document_exits_1(files, demo, sealed):
    tmp_path, keys, _ = files
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(add_annotation(sealed.pdf))
    result = run(changed, "--keys", keys)
    assert result.returncode == 1 and "MODIFIED AFTER SIGNING" in result.stdout
    revoked = tmp_path / "revoked.json"
    revoked.write_text(json.dumps(demo.keys_json(a_status="revoked", reason="key compromise")), encoding="utf-8")
    result = run(tmp_path / "good.pdf", "--keys", revoked)
    assert result.returncode == 1 and "REVOKED" in result.stdout
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\nnot really\n")
    assert run(garbage, "--keys", keys).returncode == 1


def test_usage_errors_exit_2(files):
    tmp_path, keys, good = files
    assert run(good).returncode == 2  # no --keys
    assert run(tmp_path / "missing.pdf", "--keys", keys).returncode == 2
    bad_keys = tmp_path / "bad.json"
    bad_keys.write_text('{"version": 2}', encoding="utf-8")
    result = run(good, "--keys", bad_keys)
    assert result.returncode == 2 and "version 1" in result.stderr
