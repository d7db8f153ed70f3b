"""Benchmark (not a test): one worker against two on one PostgreSQL, and against SQLite.

Each worker is a process of its own running the conversation core (as `ngoso run` does),
with its own volunteers logging sessions the five-tap way without pause (bench_core's
capacity run). Workers are started, their volunteers join, then all begin at one signal;
throughput is every message handled divided by the time from that signal to the last
worker's end. Rounds alternate one worker, two workers and one worker on SQLite, so the
ratios are taken side by side on this shared, noisy machine.

    .venv/bin/python bench/bench_workers.py --database-url postgresql+asyncpg://... \\
        [--volunteers 50] [--sessions 6] [--rounds 3]

The PostgreSQL database gets a ward of its own per worker (it is not emptied).
Target (issue 11): two workers >= 1.3 x one worker's throughput on the 2-core machine."""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import capacity, joined

from storage import migrate


async def child(url: str, volunteers: int, sessions: int) -> None:
    """One worker: set up, say "ready", wait for "go", run, print what it did as JSON."""
    db, crowd = await joined(url, volunteers)
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    started, cpu = time.time(), time.process_time()
    latencies, _ = await capacity(crowd, sessions)
    ended = time.time()
    result = {
        "messages": len(latencies),
        "started": started,
        "ended": ended,
        "cpu": time.process_time() - cpu,
        "p99": sorted(latencies)[int(len(latencies) * 0.99)],
    }
    print(json.dumps(result), flush=True)
    await db.close()


async def run(url: str, workers: int, volunteers: int, sessions: int) -> dict[str, float]:
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--child",
            url,
            str(volunteers),
            str(sessions),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        for _ in range(workers)
    ]
    for p in procs:
        assert p.stdout is not None
        line = await asyncio.wait_for(p.stdout.readline(), 120)
        assert line.strip() == b"ready", line
    go = time.time()
    for p in procs:
        assert p.stdin is not None
        p.stdin.write(b"go\n")
        await p.stdin.drain()
    results = []
    for p in procs:
        assert p.stdout is not None
        results.append(json.loads(await asyncio.wait_for(p.stdout.readline(), 600)))
        await p.wait()
    messages = sum(r["messages"] for r in results)
    elapsed = max(r["ended"] for r in results) - go
    return {
        "rate": messages / elapsed,
        "cpu_ms": 1000 * sum(r["cpu"] for r in results) / messages,
        "p99_ms": 1000 * max(r["p99"] for r in results),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="postgresql+asyncpg://...")
    parser.add_argument("--volunteers", type=int, default=50, help="per worker, at once")
    parser.add_argument("--sessions", type=int, default=6, help="per volunteer")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    sqlite = f"sqlite+aiosqlite:///{Path(tmp.name) / 'bench.db'}"
    await asyncio.to_thread(migrate.upgrade, sqlite)
    await asyncio.to_thread(migrate.upgrade, args.database_url)
    two_vs_one, pg_vs_sqlite = [], []
    print(f"{args.volunteers} volunteers per worker, {args.sessions} sessions each, no pause")
    print("round  PG 1 worker        PG 2 workers       SQLite 1 worker    2/1    PG/SQLite")
    for n in range(1, args.rounds + 1):
        one = await run(args.database_url, 1, args.volunteers, args.sessions)
        two = await run(args.database_url, 2, args.volunteers, args.sessions)
        lite = await run(sqlite, 1, args.volunteers, args.sessions)
        two_vs_one.append(two["rate"] / one["rate"])
        pg_vs_sqlite.append(one["rate"] / lite["rate"])

        def cell(r: dict[str, float]) -> str:
            return f"{r['rate']:5.0f}/s {r['cpu_ms']:.2f} ms".ljust(19)

        print(
            f"{n:>5}  {cell(one)}{cell(two)}{cell(lite)}"
            f"{two_vs_one[-1]:.2f}   {pg_vs_sqlite[-1]:.2f}"
        )
    print("(rate: messages/s of all workers together; ms: CPU per message, all workers)")
    print(
        f"two workers / one worker (median): {statistics.median(two_vs_one):.2f}  (target >= 1.3)"
    )
    print(f"PostgreSQL / SQLite, one worker (median): {statistics.median(pg_vs_sqlite):.2f}")
    tmp.cleanup()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        asyncio.run(child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
    else:
        asyncio.run(main())
