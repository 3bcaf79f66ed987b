"""Characters that deceive, in one place: the models refuse them in every record text, the
renderers replace whatever reaches them anyway, the XML writers drop what XML cannot hold,
and provider names are compared by what they look like.

Standard library only, and nothing compiled at import: the query path imports this.
"""

from __future__ import annotations

import functools
import re

# C0 and C1 controls and DEL, but tab and newline, which prose may hold.
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Invisible or ignorable characters, as a regular expression's class: Unicode's
# Default_Ignorable_Code_Point (soft hyphen, combining grapheme joiner, Hangul fillers,
# Mongolian and other variation selectors, zero-width space, non-joiner and joiner, the
# bidi marks, embeddings, overrides and isolates, the word joiner and invisible operators,
# the byte-order mark, tag characters...), the Arabic letter mark, the line and paragraph
# separators, interlinear annotation marks, Egyptian hieroglyph format controls, the braille
# blank (drawn as nothing), and the
# noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE and
# U+FFFF among them, which XML cannot hold).
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u206f\u2800\u3164\ufdd0-\ufdef\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
)
# Lone surrogates: a file name that is not UTF-8, as Python decodes it.
SURROGATES = "\ud800-\udfff"


def members(char_class: str) -> frozenset[str]:
    """The characters of a class written, as the ones here are, with single characters and
    ranges `a-b` only: a set test over a long text costs a fifth of the pattern's scan."""
    found = re.findall(r"(.)-(.)|(.)", char_class, re.DOTALL)
    return frozenset(
        one or chr(code)
        for first, last, one in found
        for code in ([0] if one else range(ord(first), ord(last) + 1))
    )


@functools.cache
def invisible() -> re.Pattern[str]:
    """Any invisible or ignorable character (CONTROL aside)."""
    return re.compile(f"[{INVISIBLE}]")


@functools.cache
def _not_xml() -> re.Pattern[str]:
    # XML 1.0 allows tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and the
    # supplementary planes: nothing else may appear, not even escaped.
    return re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by U+FFFD, so that the
    document stays well-formed whatever the text."""
    return _not_xml().sub("\ufffd", text)


# --- what names look like ---------------------------------------------------------------------

# Letters of other scripts drawn as a Latin letter, by case (a capital Greek eta looks like
# H, a small one like n), from Unicode's confusables (UTS #39) for the scripts that look most
# like Latin: Cyrillic, Greek, Armenian, Cherokee; then the digits that pass for letters.
_LOOK_ALIKE_PAIRS = {
    # Cyrillic
    **dict(zip("АВЕЅІЈКМНОРСТУХҮӀЗԚԜ", "ABESIJKMHOPCTYXYI3QW", strict=True)),
    **dict(zip("аеѕіјорсухүӏԁԛԝһгь", "aesijopcyxyldqwhrb", strict=True)),
    # Greek
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹϺ", "ABEZHIKMNOPTYXCM", strict=True)),
    **dict(zip("αικνορςτυχωγηϲϳ", "aikvopctuxwyncj", strict=True)),
    # Armenian
    **dict(zip("ՕՍօսցհոզ", "OUoughnq", strict=True)),
    # Cherokee
    **dict(zip("ᎪᏴᏟᎬᏀᎻᏆᏦᎷᏢᏚᎢᏙᏔᏃᎠ", "ABCEGHIKMPSTVWZD", strict=True)),
    # Latin letters that pass for others
    **dict(zip("ıȷɑɩ", "ijai", strict=True)),
}
_DIGIT_LOOKS = {ord("0"): "o", ord("1"): "l", ord("|"): "l"}


@functools.cache
def _look_alikes() -> dict[int, str]:
    return str.maketrans(_LOOK_ALIKE_PAIRS)


def skeleton(text: str) -> str:
    """What a name looks like: compatibility forms decomposed (fullwidth letters,
    ligatures), accents dropped, look-alike letters of other scripts written as the Latin
    letter they pass for, then case folded and digits that pass for letters written as those
    letters. Two names with one skeleton look the same, though they may not fold the same
    (`NumSpоt` with a Cyrillic о, `NUMSP0T`)."""
    import unicodedata  # only when names are compared: not on a query's path

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    latin = stripped.translate(_look_alikes()).casefold().translate(_DIGIT_LOOKS)
    return " ".join(latin.split())


def scripts(text: str) -> set[str]:
    """The scripts of the letters of `text` (LATIN, CYRILLIC, GREEK, ...), from their Unicode
    names; Chinese, Japanese and Korean letters count as one (CJK), since names mix them."""
    import unicodedata

    found = set()
    for char in text:
        if not char.isalpha():
            continue  # digits, punctuation, marks and spaces belong to every script
        name = unicodedata.name(char, "")
        script = name.split(" ", 1)[0]
        if script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "HALFWIDTH"):
            script = "CJK"
        elif script == "FULLWIDTH":
            script = "LATIN"
        if script:
            found.add(script)
    return found


def mixed_word(text: str) -> tuple[str, set[str]] | None:
    """The first word of `text` whose letters come from more than one script, with those
    scripts; None when every word keeps to one (`Яндекс Cloud` does, `NumSpоt` does not)."""
    for word in re.split(r"[\W_]+", text):
        found = scripts(word)
        if len(found) > 1:
            return word, found
    return None
