"""What the flows for residents share: the ward a resident chose, the knowledge base
for it, an entry as shown, the list of wards to choose from."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Context
from bot.knowledge import Entry, KnowledgeBase, WardText, built_in
from storage import helpdesk, wards
from storage.db import Session
from storage.models import Ward

MAX_MENU_ENTRIES = 12
MAX_WARDS_SHOWN = 20
QUESTION_MAX = 300
WARD_TEXT_MAX = 1500
# Fewer words than this is a stray reply, not a question the knowledge base lacks.
MIN_QUESTION_WORDS = 3


async def resident_ward(ctx: Context) -> Ward | None:
    """The ward this person belongs to: a member's own; a resident's as they told us; the
    only ward of a deployment with one."""
    if ctx.member is not None:
        return await wards.get(ctx.db, ctx.member.ward_id)
    found = await helpdesk.profile(ctx.db, ctx.incoming.channel, ctx.incoming.chat_id)
    if found is not None:
        return await wards.get(ctx.db, found.ward_id)
    all_wards = await helpdesk.all_wards(ctx.db)
    return all_wards[0] if len(all_wards) == 1 else None


async def knowledge_for(ctx: Context, ward: Ward | None) -> KnowledgeBase:
    """The built-in entries, what the resident's ward wrote, and the ways of asking taught
    for that ward and for every ward."""
    return await knowledge_of(ctx.db, ward.id if ward else None)


async def knowledge_of(db: Session, ward_id: int | None) -> KnowledgeBase:
    rows = await helpdesk.ward_entries(db, ward_id) if ward_id is not None else []
    taught = await helpdesk.phrasings(db, ward_id)
    return built_in().with_ward(
        (
            WardText(
                r.key, r.lang, r.title, r.body, r.source_url, r.reviewed_on, r.keywords, r.ward_id
            )
            for r in rows
        ),
        taught,
    )


def render(ctx: Context, entry: Entry, ward: Ward | None) -> str:
    """Title, steps, then where it comes from and when it was last checked."""
    source = entry.source or (ward.name if ward else "")
    reviewed = entry.reviewed.strftime("%d/%m/%Y") if entry.reviewed else ""
    footer = ctx.t("hd-source", source=source, reviewed=reviewed)
    if entry.basis:
        footer = ctx.t("hd-basis", basis=entry.basis) + "\n" + footer
    return f"{entry.title}\n\n{entry.body}\n\n{footer}"


def ward_choices(all_wards: list[Ward]) -> list[Choice]:
    return [Choice(str(w.id), w.name) for w in all_wards[:MAX_WARDS_SHOWN]]
