"""The offline edition past the size where one zip is practical: a guide-only zip beside it."""

from __future__ import annotations

import zipfile

from coopdec.publish import ZIP_FOLDER, is_record_page, write_zip


def test_guide_only_zip_leaves_out_record_pages_and_keeps_the_rest(tmp_path):
    site = tmp_path / "site"
    for rel in ("index.html", "programmes/index.html", "programmes/explorateur.html", "programmes/eau.html",
                "contacts/index.html", "contacts/lucie.html", "organisations/aimf.html", "pays/mali.html",
                "assets/catalogue/donnees-programmes.js", "telechargement/x.zip"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, encoding="utf-8")
    with zipfile.ZipFile(write_zip(site, tmp_path / "guide.zip", guide_only=True)) as zf:
        names = {n.removeprefix(ZIP_FOLDER + "/") for n in zf.namelist()}
    assert names == {"index.html", "programmes/index.html", "programmes/explorateur.html", "contacts/index.html",
                     "pays/mali.html", "assets/catalogue/donnees-programmes.js"}
    with zipfile.ZipFile(write_zip(site, tmp_path / "full.zip")) as zf:
        assert len(zf.namelist()) == 9  # everything but the downloads folder
    assert is_record_page("contacts/lucie.html") and not is_record_page("contacts/index.html")
