"""Helpers shared by the trust tests: a known person with every kind of owned row, and a
plaintext dump of the decrypted pages to search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlcipher3
from sqlalchemy import select

from wir_manager.domain.enums import (
    Platform,
    ShortlistStatus,
    Stage,
    Topic,
    TrainingStatus,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def add_person(
    db: Database,
    name: str,
    username: str,
    email: str,
    *,
    notes: str = "",
    shortlist_note: str = "",
    consent_at: dt.date | None = None,
) -> int:
    """A candidate with languages, skills, topics, training, a shortlist entry, a
    placement and a disclosure-log row, so erasure has every kind of row to remove."""
    with db.session() as s:
        org = s.scalar(select(m.Organisation).where(m.Organisation.name == "Trust Org"))
        if org is None:
            org = m.Organisation(name="Trust Org", acronym="TO")
            s.add(org)
            s.flush()
        module = s.scalar(select(m.TrainingModule).order_by(m.TrainingModule.id))
        if module is None:
            module = m.TrainingModule(title="Module", position=1)
            s.add(module)
            s.flush()
        req = m.PlacementRequest(organisation_id=org.id, title="Trust request")
        s.add(req)
        c = m.Candidate(
            full_name=name,
            username=username,
            email=email,
            phone="+46 70 000 00 00",
            country="SE",
            stage=Stage.READY,
            notes=notes or None,
            consent_store=True,
            consent_store_at=consent_at or dt.date.today(),
            consent_propose=True,
            consent_propose_at=consent_at or dt.date.today(),
        )
        c.languages = [
            m.CandidateLanguage(code="en", level=6),
            m.CandidateLanguage(code="sv", level=7),
        ]
        c.skills = [m.CandidateSkill(platform=Platform.WIKIDATA, level=3)]
        c.topics = [m.CandidateTopic(topic=Topic.GENDER)]
        s.add(c)
        s.flush()
        s.add(
            m.TrainingProgress(
                candidate_id=c.id, module_id=module.id, status=TrainingStatus.COMPLETED
            )
        )
        s.add(
            m.ShortlistEntry(
                request_id=req.id,
                candidate_id=c.id,
                rank=1,
                score=0.9,
                score_parts={"languages": 0.5},
                status=ShortlistStatus.PROPOSED,
                note=shortlist_note or None,
            )
        )
        s.add(
            m.Placement(
                candidate_id=c.id,
                request_id=req.id,
                start_date=dt.date(2026, 1, 1),
                end_date=dt.date(2026, 6, 30),
            )
        )
        disclosure = m.Disclosure(
            request_id=req.id, recipient="liaison@igo.example", file_sha256="0" * 64
        )
        s.add(disclosure)
        s.flush()
        s.add(
            m.DisclosureCandidate(
                disclosure_id=disclosure.id, candidate_id=c.id, placeholder="Candidate A"
            )
        )
        return c.id


def plaintext_bytes(db: Database, workdir: Path) -> bytes:
    """The decrypted database as a plain SQLite file's bytes (what a key holder sees).

    Uses SQLCipher directly (not app code): open with the raw key, export into an
    attached database with an empty key, i.e. no encryption.
    """
    db.checkpoint()
    out = workdir / "plaintext-dump.sqlite"
    out.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(db.path))
    try:
        conn.execute(f"PRAGMA key = {db.key.pragma_literal()}")
        conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(out),))
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    data = out.read_bytes()
    out.unlink()
    return data


def raw_file_bytes(db: Database) -> bytes:
    """Every byte of the database files on disk (main, WAL, SHM)."""
    data = b""
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{db.path}{suffix}")
        if p.exists():
            data += p.read_bytes()
    return data


PAGE_SIZE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    body = page[16 if first else 0 : PAGE_SIZE - RESERVE]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(body) + dec.finalize()


def decrypted_pages(db: Database) -> bytes:
    """Every page physically on disk, decrypted: the main file (live AND free pages) and
    every frame still in the WAL. Unlike ``sqlcipher_export`` (a logical copy of live
    rows) this sees what an attacker holding the key could dig out of deleted space."""
    key = bytes.fromhex(db.key.key_hex())
    out = bytearray()
    main = Path(db.path).read_bytes()
    for i in range(len(main) // PAGE_SIZE):
        out += _decrypt_page(main[i * PAGE_SIZE : (i + 1) * PAGE_SIZE], key, i == 0)
    wal_path = Path(f"{db.path}-wal")
    if wal_path.exists():
        wal = wal_path.read_bytes()
        pos = WAL_HEADER
        while pos + WAL_FRAME_HEADER + PAGE_SIZE <= len(wal):
            page_no = int.from_bytes(wal[pos : pos + 4], "big")
            frame = wal[pos + WAL_FRAME_HEADER : pos + WAL_FRAME_HEADER + PAGE_SIZE]
            out += _decrypt_page(frame, key, page_no == 1)
            pos += WAL_FRAME_HEADER + PAGE_SIZE
    return bytes(out)
