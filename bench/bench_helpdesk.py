"""Benchmark (not a test): how long the help desk takes to read one question, against the
cheapest search one could write, side by side in one run.

Every question of the evaluation sets (tests/bot/kb_*.tsv, locales/kb/asked/*.tsv) is read
by `understand` (intents, then keyword phrases, BM25 over the knowledge base and the questions
asked before), and by a floor: one rapidfuzz
`extractOne` of the folded question against every keyword phrase of the base. Both take
turns, --rounds times (who goes first swaps every round); each round prints CPU time per
question for both and their ratio. The machine is shared and noisy: the ratio is what holds.

    .venv/bin/python bench/bench_helpdesk.py [--rounds 5]

Target (issue 14): under 20 ms a question on this 2-core machine."""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.i18n import LANGUAGES
from bot.knowledge import built_in, understand
from bot.text import fold

ROOT = Path(__file__).resolve().parents[1]
SETS = (ROOT / "tests" / "bot", ROOT / "locales" / "kb" / "asked")


def questions() -> list[str]:
    found: list[str] = []
    for path in sorted(p for folder in SETS for p in folder.glob("kb_*_2026-*.tsv")):
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if not line.startswith("#")]
        found += [row["question"] for row in csv.DictReader(lines, delimiter="\t")]
    return found


def per_question(read: Callable[[str], object], asked: list[str]) -> float:
    started = time.process_time()
    for question in asked:
        read(question)
    return (time.process_time() - started) / len(asked) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    kb = built_in()
    phrases = sorted(
        {fold(k) for lang in LANGUAGES for e in kb.entries(lang) for k in (*e.keywords, e.title)}
    )

    def floor(question: str) -> object:
        return process.extractOne(fold(question), phrases, scorer=fuzz.WRatio)

    def ngoso(question: str) -> object:
        return understand(kb, question)

    asked = questions()
    for question in asked:  # warm: caches of both filled before timing
        ngoso(question)
        floor(question)
    print(f"{len(asked)} questions, {len(phrases)} keyword phrases")
    ratios, times = [], []
    for n in range(args.rounds):
        order = [("ngoso", ngoso), ("floor", floor)]
        if n % 2:
            order.reverse()
        took = {name: per_question(read, asked) for name, read in order}
        ratios.append(took["ngoso"] / took["floor"])
        times.append(took["ngoso"])
        print(
            f"round {n + 1}: ngoso {took['ngoso']:.2f} ms, floor {took['floor']:.2f} ms a "
            f"question, ngoso/floor {ratios[-1]:.2f}"
        )
    verdict = "met" if statistics.median(times) < 20 else "NOT MET"
    print(
        f"median: ngoso {statistics.median(times):.2f} ms a question (target < 20 ms: "
        f"{verdict}), ngoso/floor {statistics.median(ratios):.2f}"
    )


if __name__ == "__main__":
    main()
