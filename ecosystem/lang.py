"""The language of every sentence the tool writes, parsed once.

Settings (`ECOSYSTEM_LANG`), the CLI's `--lang` and the app's switch all go through `parse_lang`, so
`fr`, `FR` and ` en ` mean the same everywhere and an unknown value is one clear line, not a traceback.
`Lang` is a `StrEnum`: a `Lang` compares equal to its code, so code written with "fr"/"en" keeps working.
"""

from __future__ import annotations

from enum import StrEnum

from ecosystem.errors import EcosystemError


class Lang(StrEnum):
    FR = "fr"
    EN = "en"


DEFAULT_LANG = Lang.FR
ACCEPTED = tuple(lang.value for lang in Lang)


class UnknownLang(EcosystemError):
    """A language code nobody writes sentences in; says where it came from and what is accepted."""

    def __init__(self, value: str, source: str) -> None:
        self.value = value
        self.source = source
        super().__init__(f"unknown language {value!r} in {source}: accepted values are {', '.join(ACCEPTED)}",
                         f"langue inconnue « {value} » dans {source} : les valeurs acceptées sont "
                         f"{', '.join(ACCEPTED)}")


def parse_lang(value: str | Lang | None, source: str = "ECOSYSTEM_LANG") -> Lang:
    """The language a setting, flag or URL names; None or blank means the default (French).

    >>> parse_lang(" EN "), parse_lang("fr"), parse_lang(None)
    (<Lang.EN: 'en'>, <Lang.FR: 'fr'>, <Lang.FR: 'fr'>)
    >>> parse_lang("de")
    Traceback (most recent call last):
    ...
    ecosystem.lang.UnknownLang: unknown language 'de' in ECOSYSTEM_LANG: accepted values are fr, en
    """
    if isinstance(value, Lang):
        return value
    cleaned = (value or "").strip().lower()
    if not cleaned:
        return DEFAULT_LANG
    try:
        return Lang(cleaned)
    except ValueError:
        raise UnknownLang(value or "", source) from None


def configured_lang(environ: dict[str, str] | None = None) -> Lang:
    """The language of the settings (ECOSYSTEM_LANG, then secrets.toml, then French)."""
    from ecosystem import settings

    return parse_lang(settings.get("ECOSYSTEM_LANG", environ))
