"""The job consumer: `python -m pipeline.service.worker --workers N` (started by `serve`, or by
`cs-sourcing worker` on other machines). Takes up orphaned jobs first, then runs Huey."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
import time

from .config import load_settings
from .jobs import Jobs

log = logging.getLogger("pipeline")


def quiet_libraries() -> None:
    """Keep the log to what an operator reads: jobs, migrations applied, warnings."""
    for name in ("weasyprint", "fontTools", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("alembic.runtime.migration").setLevel(logging.INFO)


def follow_parent(parent: int) -> None:
    """Stop (gracefully, as on SIGTERM) when `serve` is gone, even if it was killed outright."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        log.info("serve stopped; stopping the workers")
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def run(settings, workers: int) -> None:
    from . import migrate
    from .models import make_engine

    migrate.upgrade(make_engine(settings.database_url))
    jobs = Jobs(settings)
    taken = jobs.recover(queued_older_than=0)
    if taken:
        log.info("took up %d unfinished job(s) again", len(taken))
    # Huey backs off to 10 s between polls of an idle queue: a report submitted then would wait
    # up to 10 s for a worker. A poll of the SQLite or Redis queue costs next to nothing; 1 s.
    consumer = jobs.huey.create_consumer(
        workers=workers,
        worker_type="process",
        periodic=True,
        check_worker_health=True,
        max_delay=1.0,
    )
    consumer.run()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.service.worker")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--parent", type=int, default=None, help="stop when this process ends")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker %(levelname)s: %(message)s")
    quiet_libraries()
    if args.parent:
        follow_parent(args.parent)
    run(load_settings(), args.workers)


if __name__ == "__main__":
    main()
