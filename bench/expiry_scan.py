"""Benchmark: the expiry scan over 100,000 and 1,000,000 instruments on PostgreSQL.

    .venv/bin/python bench/expiry_scan.py [--sizes 100000 1000000]

For each size it builds a fresh database (instruments generated in SQL, valid-until spread from a year ago to
two years ahead over 1,000 owners), then runs the scan twice in a child process of its own: the first scan (the
heavy one: every overdue instrument gets its notice) and the next day's (steady state). It prints seconds and
peak memory (the process's maximum resident set, and its growth over the set after start-up). The aim of issue #4: the
scan's peak memory at 1,000,000 within 1.5 times that at 100,000.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("BENCH_DATABASE", "bench_expiry")
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
ENV = {**os.environ, "DATABASE_URL": f"{SERVER}/{DATABASE}", "DJANGO_SETTINGS_MODULE": "config.settings",
       "DEBUG": "0", "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/13"),
       "DOCUMENT_SWEEP_AFTER_SECONDS": "3600"}
AS_OF = "2026-06-15"
OWNERS = 1000


def _recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')
    for command in (["migrate", "-v0"], ["load_catalog"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=ENV, check=True,
                       stdout=subprocess.DEVNULL)


GENERATE = ["""
INSERT INTO registry_organization (name, tax_code, address, province, kind, parent_name, created_at)
SELECT 'Cơ sở ' || g, NULL, 'Lào Cai', 'Lào Cai', 'business', '', now() FROM generate_series(1, {owners}) g
""", """
INSERT INTO registry_instrument (instrument_type_id, serial_number, manufacturer, serial_key, manufacturer_key,
    manufacturer_country, model, accuracy_class, measuring_range, owner_id, location, created_at,
    last_verified_on, last_result, valid_until)
SELECT t.id, 'SN' || g, 'Nhà sản xuất', 'sn' || g, 'nhà sản xuất', 'Việt Nam', 'M-1', 'III', '', o.first_id
    + (g % {owners}), 'Chợ số ' || (g % 97), now(), DATE '{as_of}' - 400, 'pass',
    DATE '{as_of}' - 365 + (g::bigint * 7919 % 1095)::int
FROM generate_series(1, {count}) g,
     (SELECT min(id) AS id FROM registry_instrumenttype) t,
     (SELECT min(id) AS first_id FROM registry_organization) o
""", "ANALYZE"]


def _generate(count: int) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(ENV["DATABASE_URL"], autocommit=True) as conn:
        for statement in GENERATE:  # whole numbers and a fixed ISO date only: nothing from outside
            conn.execute(statement.format(owners=int(OWNERS), count=int(count), as_of=AS_OF))
    return time.perf_counter() - started


def _scan_in_child() -> dict:
    """Run both scans in a fresh process, so that its peak memory is the scan's alone."""
    result = subprocess.run([sys.executable, __file__, "--child"], cwd=ROOT, env=ENV, check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _max_rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child() -> None:
    """The measured part: two scans, as the daily beat task runs them (no worker renders here).

    Memory is the process's maximum resident set (no tracemalloc: it slows Python several times and would
    distort the seconds); `growth` is that peak less the resident set after start-up, i.e. the scan's own."""
    from datetime import date, timedelta

    import django

    django.setup()
    from certificates.notices.models import Notice
    from certificates.notices.services import notices_scan

    Notice.objects.exists()  # connect and import everything before the baseline
    figures = {"baseline_rss_mb": _max_rss_mb()}
    for label, day in (("first", date.fromisoformat(AS_OF)), ("next_day", date.fromisoformat(AS_OF) + timedelta(1))):
        started = time.perf_counter()
        result = notices_scan(as_of=day, chunk_size=2000)
        figures[label] = {"seconds": round(time.perf_counter() - started, 2), "notices": result.notices,
                          "digests": result.digests, "max_rss_mb": _max_rss_mb()}
    figures["growth_mb"] = round(figures["next_day"]["max_rss_mb"] - figures["baseline_rss_mb"], 1)
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child()
    rows = []
    for size in args.sizes:
        _recreate_database()
        generated = _generate(size)
        figures = _scan_in_child()
        rows.append((size, generated, figures))
        print(f"{size:>9,} instruments generated in {generated:.1f} s: {json.dumps(figures)}", flush=True)
    _report(rows)


def _report(rows) -> None:
    print("\ninstruments | scan      | seconds | notices | digests | max RSS MB | scan's own MB (RSS - baseline)")
    for size, _generated, f in rows:
        for label in ("first", "next_day"):
            s = f[label]
            print(f"{size:>11,} | {label:<9} | {s['seconds']:>7} | {s['notices']:>7,} | {s['digests']:>7} | "
                  f"{s['max_rss_mb']:>10} | {s['max_rss_mb'] - f['baseline_rss_mb']:>8.1f}")
    if len(rows) >= 2:
        small, large = rows[0][2], rows[-1][2]
        rss = large["next_day"]["max_rss_mb"] / small["next_day"]["max_rss_mb"]
        growth = large["growth_mb"] / max(small["growth_mb"], 0.1)
        print(f"\npeak memory, {rows[-1][0]:,} / {rows[0][0]:,}: process RSS x{rss:.2f}, scan's own x{growth:.2f} "
              f"(aim: within x1.5) -> {'met' if max(rss, growth) <= 1.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
