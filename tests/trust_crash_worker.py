"""Subprocess for the kill -9 tests: performs ONE operation on a database and is killed
at a random moment by the parent. Prints READY right before the operation starts.

The raw key comes through the environment (never argv, which other users can see).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    op, path = sys.argv[1], sys.argv[2]
    from sqlalchemy import update

    from wir_manager.storage import migrate
    from wir_manager.storage import models as m
    from wir_manager.storage.database import Database
    from wir_manager.storage.keys import DatabaseKey, read_salt

    if op == "passwd":
        db = Database.open(path, os.environ["CRASH_OLD"], migrate_schema=False, quick_check=False)
        print("READY", flush=True)
        db.change_passphrase(os.environ["CRASH_NEW"])
        print("DONE", flush=True)
        return
    key = DatabaseKey.from_hex(os.environ["CRASH_KEY"], read_salt(path))
    if op == "migrate":
        db = Database(path, key)
        print("READY", flush=True)
        migrate.upgrade(db)
        print("DONE", flush=True)
        return
    db = Database.open(path, key=key, migrate_schema=False, quick_check=False)
    if op == "import":
        from wir_manager.services import demo

        n = int(sys.argv[3])
        print("READY", flush=True)
        demo.generate(db, candidates=n, requests=0, seed=int(sys.argv[4]))
    elif op == "erase":
        from wir_manager.services import privacy

        low, high = int(sys.argv[3]), int(sys.argv[4])
        print("READY", flush=True)
        privacy.erase_candidates(db, range(low, high))
    elif op == "bulk_edit":
        token = sys.argv[3]
        print("READY", flush=True)
        with db.connection() as conn:
            # many statements in one transaction, so a kill lands in the middle
            for low in range(0, 100_000, 50):
                conn.execute(
                    update(m.Candidate)
                    .where(m.Candidate.id >= low, m.Candidate.id < low + 50)
                    .values(notes=token, edit_count=m.Candidate.edit_count + 1)
                )
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
