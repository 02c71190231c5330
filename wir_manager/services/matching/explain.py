"""Plain-language sentences: why a candidate scores what they score, and why a near miss
missed. Built only for the few people shown, from the same pool columns the score used."""

from __future__ import annotations

import datetime as dt
import math

from wir_manager.domain.codes import m49_name
from wir_manager.domain.enums import Importance, Topic
from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_date, format_number
from wir_manager.services.matching.pool import (
    NO_DAY_HIGH,
    NO_DAY_LOW,
    RELOCATE_NO,
    RELOCATE_YES,
    Pool,
    to_days,
)
from wir_manager.services.matching.requirements import Requirements, Unit, key_label, level_label
from wir_manager.services.matching.scoring import Check


def _importance(importance: str) -> str:
    return {
        Importance.REQUIRED.value: _("required"),
        Importance.PREFERRED.value: _("preferred"),
        Importance.NICE.value: _("nice to have"),
    }.get(importance, importance)


def _level_of(pool: Pool, kind: str, key: str, i: int) -> int:
    arr = pool.language(key) if kind == "language" else pool.skill_level(key)
    return int(arr[i])


def _has(kind: str, key: str, level: int) -> str:
    """ "Arabic B2" / "no Arabic"."""
    if level <= 0:
        return _("no {what}").format(what=key_label(kind, key))
    return f"{key_label(kind, key)} {level_label(kind, level)}"


def _asked(kind: str, unit: Unit) -> str:
    return _(" or ").join(
        f"{key_label(kind, n.key)} {level_label(kind, n.min_level)}" for n in unit.needs
    )


def unit_sentence(unit: Unit, pool: Pool, i: int) -> str:
    """ "English C2: the request asks for English C1 (required); 1 level above." """
    have = [(n, _level_of(pool, unit.kind, n.key, i)) for n in unit.needs]
    best_need, best_level = max(have, key=lambda pair: pair[1] - pair[0].min_level)
    delta = best_level - best_need.min_level
    if delta > 0:
        tail = ngettext("{n} level above.", "{n} levels above.", delta).format(n=delta)
    elif delta == 0:
        tail = _("meets it exactly.")
    else:
        tail = ngettext("{n} level short.", "{n} levels short.", -delta).format(n=-delta)
    if best_level <= 0 and delta < 0:
        tail = _("missing.")
    # For "at least one of" groups the best member speaks for the candidate.
    shown = _has(unit.kind, best_need.key, best_level)
    return _("{have}: the request asks for {asked} ({importance}); {tail}").format(
        have=shown[:1].upper() + shown[1:],
        asked=_asked(unit.kind, unit),
        importance=_importance(unit.importance),
        tail=tail,
    )


def _day(days: int) -> str:
    """A pool day number as the date people read elsewhere ("15 Jan 2027"): the pool keeps
    days since 1970 for fast comparison, but the sentence must match the tables."""
    return format_date(dt.date(1970, 1, 1) + dt.timedelta(days=int(days)))


def placed_reason(pool: Pool, i: int) -> str:
    """Why a placed person is not ranked: where she is placed and until when."""
    commitment = pool.commitments.get(int(i))
    if commitment is not None:
        org, start, end, status = commitment
        where = org or _("another organisation")
        if status == "planned":
            return _("Accepted at {org} for {start} to {end}; not ranked elsewhere").format(
                org=where, start=format_date(start), end=format_date(end)
            )
        return _("Placed at {org} until {end}; not ranked elsewhere while placed").format(
            org=where, end=format_date(end)
        )
    if len(pool.placed) == len(pool) and pool.placed[i]:
        return _("Placed; not ranked elsewhere while placed")
    return _("Already placed elsewhere during the request period")


def near_miss_reason(check: Check, req: Requirements, pool: Pool, i: int) -> str:
    """The one failed required item in words, e.g. "Arabic B2, request needs C1"."""
    if check.kind == "stage":
        return _("Still in training, request needs a candidate who is ready")
    if check.kind == "availability":
        assert req.start is not None and req.end is not None
        if pool.avail_from[i] > to_days(req.start):
            return _("Available from {day}, request starts {start}").format(
                day=_day(pool.avail_from[i]), start=format_date(req.start)
            )
        return _("Available until {day}, request runs until {end}").format(
            day=_day(pool.avail_until[i]), end=format_date(req.end)
        )
    if check.kind == "placement":
        return placed_reason(pool, i)
    if check.kind == "relocation":
        return relocation_reason(req, pool, i)
    assert check.unit is not None
    unit = check.unit
    have = _(" and ").join(
        _has(unit.kind, n.key, _level_of(pool, unit.kind, n.key, i)) for n in unit.needs
    )
    if len(unit.needs) == 1:
        need = unit.needs[0]
        asked = level_label(unit.kind, need.min_level)
    else:
        asked = _asked(unit.kind, unit)
    return _("{have}, request needs {asked}").format(have=have[:1].upper() + have[1:], asked=asked)


def explanations(
    req: Requirements, pool: Pool, i: int, applicable: tuple[str, ...]
) -> tuple[str, ...]:
    """Sentences for every applicable part, in part order."""
    out: list[str] = []
    for unit in (*req.languages, *req.skills):
        sentence = unit_sentence(unit, pool, i)
        note = evidence_note(unit, pool, i)
        out.append(f"{sentence} {note}" if note else sentence)
    if "topics" in applicable:
        hits = [t for t in req.topics if pool.has_topic(t)[i]]
        names = ", ".join(_topic(t) for t in hits)
        if hits:
            out.append(
                ngettext(
                    "Works on {n} of {total} requested topic: {names}.",
                    "Works on {n} of {total} requested topics: {names}.",
                    len(req.topics),
                ).format(n=len(hits), total=len(req.topics), names=names)
            )
        else:
            out.append(
                _("Works on none of the requested topics ({names}).").format(
                    names=", ".join(_topic(t) for t in req.topics)
                )
            )
    if "training" in applicable:
        out.append(
            _("Completed {done} of {total} mandatory training modules.").format(
                done=int(pool.training_done[i]), total=pool.mandatory_total
            )
        )
    since = int(pool.active_since[i])
    edits = int(pool.edits[i])
    if pool.verified()[i]:
        out.append(verified_sentence(req, pool, i))
    elif since > 0:
        years = max(req.reference_year - since, 0)
        out.append(
            ngettext(
                "On Wikimedia since {year} ({years} year by the start), about {edits} edits.",
                "On Wikimedia since {year} ({years} years by the start), about {edits} edits.",
                years,
            ).format(year=since, years=years, edits=_round_edits(edits))
        )
    else:
        out.append(
            _("Start year on Wikimedia unknown; about {edits} edits.").format(
                edits=_round_edits(edits)
            )
        )
    if "equity" in applicable:
        codes = {int(r) for r in req.priority_regions if r.isdigit()}
        mine = [int(pool.region[i]), int(pool.subregion[i])]
        hit = next((c for c in mine if c in codes), None)
        wanted = ", ".join(m49_name(r) for r in req.priority_regions)
        if hit is not None:
            out.append(
                _("From a priority region of this request ({region}): equity points apply.").format(
                    region=m49_name(f"{hit:03d}")
                )
            )
        else:
            out.append(
                _("Not from a priority region of this request ({regions}).").format(regions=wanted)
            )
    place = duty_station_sentence(req, pool, i)
    if place:
        out.append(place)
    if pool.avail_from[i] != NO_DAY_LOW or pool.avail_until[i] != NO_DAY_HIGH:
        frm = _day(pool.avail_from[i]) if pool.avail_from[i] != NO_DAY_LOW else _("any time")
        until = _day(pool.avail_until[i]) if pool.avail_until[i] != NO_DAY_HIGH else _("open-ended")
        out.append(_("Available from {start} until {end}.").format(start=frm, end=until))
    return tuple(out)


def verified_sentence(req: Requirements, pool: Pool, i: int) -> str:
    """ "Experience verified 1 Dec 2026: 12,345 edits, 2,100 on Wikidata; on Wikimedia
    since 2011 (15 years by the start)." — exact figures, since they were fetched."""
    day = _day(pool.verified_day[i])
    edits = int(pool.edits[i])
    wikidata = int(pool.verified_edits["wikidata"][i]) if "wikidata" in pool.verified_edits else 0
    text = _("Experience verified {day}: {edits} edits, {wikidata} on Wikidata").format(
        day=day, edits=format_number(edits), wikidata=format_number(wikidata)
    )
    since = int(pool.active_since[i])
    if since > 0:
        years = max(req.reference_year - since, 0)
        text += ngettext(
            "; on Wikimedia since {year} ({years} year by the start).",
            "; on Wikimedia since {year} ({years} years by the start).",
            years,
        ).format(year=since, years=years)
    else:
        text += "."
    return text


def evidence_note(unit: Unit, pool: Pool, i: int) -> str | None:
    """ "(Evidence: 1,200 Wikidata edits, verified 1 Dec 2026.)" beside a platform skill.

    Only a note: the level the coordinator recorded is what scores; verified activity
    never changes it silently."""
    if unit.kind != "skill" or not pool.verified()[i]:
        return None
    notes = []
    for need in unit.needs:
        counts = pool.verified_edits.get(need.key)
        if counts is not None and counts[i] > 0:
            notes.append(
                _("{n} {platform} edits").format(
                    n=format_number(int(counts[i])), platform=key_label("skill", need.key)
                )
            )
    if not notes:
        return None
    return _("(Evidence: {notes}, verified {day}.)").format(
        notes=", ".join(notes), day=_day(pool.verified_day[i])
    )


def _duty_place(req: Requirements) -> str:
    return ", ".join(x for x in (req.duty_city, _country(req.duty_country or "")) if x)


def _home(pool: Pool, i: int) -> str:
    return str(pool.country[i]) if len(pool.country) == len(pool) else ""


def relocation_reason(req: Requirements, pool: Pool, i: int) -> str:
    """The duty-station knock-out in words: "Lives in Kenya and will not relocate; the
    post is on site in Paris, France." """
    place = _duty_place(req)
    home = _home(pool, i)
    if req.work_mode == "onsite":
        post = _("the post is on site in {place}.").format(place=place)
    else:
        post = _("the post is hybrid, based in {place}.").format(place=place)
    if home:
        return _("Lives in {home} and will not relocate; {post}").format(
            home=_country(home), post=post
        )
    return _("No country of residence recorded and will not relocate; {post}").format(post=post)


def duty_station_sentence(req: Requirements, pool: Pool, i: int) -> str | None:
    """Where the work happens, whether the person lives in that country and, if not,
    what they said about relocating (a recorded "no" is a knock-out, see
    :func:`scoring.will_not_relocate`; an unrecorded answer only shows here)."""
    if req.work_mode == "remote":
        return _("Remote work: no duty station to move to.")
    if not req.duty_country:
        return None
    place = _duty_place(req)
    mode = _("on site") if req.work_mode == "onsite" else _("hybrid")
    home = _home(pool, i)
    if home and home.upper() == req.duty_country.upper():
        return _("Duty station {place} ({mode}); already based in that country.").format(
            place=place, mode=mode
        )
    where = _country(home) if home else _("an unknown country")
    willing = int(pool.relocation()[i])
    if willing == RELOCATE_YES:
        text = _("Duty station {place} ({mode}); lives in {home} and is willing to relocate.")
    elif willing == RELOCATE_NO:
        text = _("Duty station {place} ({mode}); lives in {home} and will not relocate.")
    else:
        text = _(
            "Duty station {place} ({mode}); lives in {home}; "
            "willingness to relocate is not recorded."
        )
    return text.format(place=place, mode=mode, home=where)


def _country(code: str) -> str:
    from wir_manager.domain.codes import country_name

    try:
        return country_name(code)
    except Exception:  # an odd code must not break an explanation
        return code


def _topic(value: str) -> str:
    try:
        return _(Topic(value).label)
    except ValueError:
        return value


def _round_edits(edits: int) -> str:
    if edits < 100:
        return str(edits)
    digits = math.floor(math.log10(edits)) - 1
    return format_number(round(edits, -digits))


def describe_check(check: Check, req: Requirements) -> str:
    """A required item in words, for "most often missing: …"."""
    if check.kind == "stage":
        return _("being ready (training complete)")
    if check.kind == "availability":
        assert req.start is not None and req.end is not None
        return _("availability from {start} to {end}").format(
            start=format_date(req.start), end=format_date(req.end)
        )
    if check.kind == "placement":
        return _("not being placed elsewhere (now or in that period)")
    if check.kind == "relocation":
        return _("living in {country} or willing to relocate there").format(
            country=_country(req.duty_country or "")
        )
    assert check.unit is not None
    return _asked(check.unit.kind, check.unit)
