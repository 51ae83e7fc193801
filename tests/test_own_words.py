"""Prose fields are in our own words: no run of 20 words copied from a source document.

The sources are read from `shared/seeds` beside the repository (never from the
repository itself); the test is skipped where they are absent, e.g. on a
fresh clone without them. `python tests/copied_runs.py -v` lists every run of
12 words or more, for editors who want to go further.
"""

from __future__ import annotations

import pytest

from copied_runs import LONG, copied_runs, load_seed_ngrams, prose_fields, seed_words, seeds_dir, words

SEEDS = seeds_dir()


def test_normalisation_undoes_the_extraction():
    # casing mangled, a word cut across two lines, a page footer in the middle, apostrophes
    seed = "la dAeCt accom-\npagne les\nCNCD | Guide opérationnel de la coopération décentralisée\n42\ncollectivités d’Afrique"
    assert seed_words(seed) == words("La DAECT accompagne les collectivités d'Afrique")


def test_runs_are_found_whatever_the_case_and_accents():
    grams = {tuple(words("un deux trois quatre cinq six sept huit neuf dix onze douze treize"))[i:i + 12] for i in range(2)}
    assert copied_runs("Zéro UN deux trois quatre cinq six sept huit neuf dix onze douze treize !", grams) == [
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize"]
    assert copied_runs("un deux trois quatre cinq six sept huit neuf dix onze", grams) == []


@pytest.mark.skipif(SEEDS is None, reason="sources absentes (shared/seeds à côté du dépôt, ou $COOPDEC_SEEDS)")
def test_no_prose_field_copies_twenty_words_of_a_source():
    grams = load_seed_ngrams(SEEDS, LONG)
    copied = [f"{file}: {where}: « {run} »" for file, where, text in prose_fields()
              for run in copied_runs(text, grams, LONG)]
    assert not copied, "passages recopiés des sources (réécrivez-les) :\n" + "\n".join(copied)
