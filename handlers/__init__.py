"""The conversations, one file per flow (found here by themselves). They import the core
types only, never a channel."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping

from bot.flow import Flow
from bot.i18n import meanings


class _Commands(Mapping[str, str]):
    """Commands (folded, without diacritics) that open a flow from anywhere -> the flow's
    name: `[commands]` of locales/<lang>/words.toml, in every language, read when asked."""

    def __getitem__(self, command: str) -> str:
        return meanings("commands")[command]

    def __iter__(self) -> Iterator[str]:
        return iter(meanings("commands"))

    def __len__(self) -> int:
        return len(meanings("commands"))


COMMANDS: Mapping[str, str] = _Commands()


def flow_classes() -> list[type[Flow]]:
    """Every flow defined in a module of this package: adding a flow is adding a file here
    (plus its strings and commands in locales/)."""
    found: dict[str, type[Flow]] = {}
    for module in pkgutil.iter_modules(__path__):
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, Flow)
                and value is not Flow
                and value.__module__ == loaded.__name__
            ):
                found[value.__qualname__ + value.__module__] = value
    return list(found.values())


def all_flows() -> dict[str, Flow]:
    """One of each flow, by name (checked when the application starts: bot.flow.check_flows)."""
    return {cls.name: cls() for cls in flow_classes()}
