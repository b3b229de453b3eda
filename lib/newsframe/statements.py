"""Statements: direct quotes and reported speech, with speaker, date, channel, topic and stance.

A rule-based extractor over the article's flat text (one regex pass per pattern, compiled once):

1. quotation segments are paired per paragraph (curly and straight marks, mixed; an unclosed
   quote runs to the paragraph end, and a following paragraph opening with a quote continues it);
2. speech cues are found in body sentences, outside quotations: verbs from ``speech_verbs.csv``
   ("said", "told", "rejected", "tweeted"...), "according to X", "X was quoted as saying",
   "the paper cited the sources as saying";
3. each cue gets a content span (the quote before ``,” he said``, the clause after ``said that``,
   the clause before ``..., the Kremlin said``, the block quote after ``replied:``) and a
   speaker (the subject before the verb or the name after ``said``; pronouns and definite
   descriptions such as "the paper" or "the Russian ambassador" resolved to earlier actors);
4. quotation segments no cue claimed are continuations of the previous speaker when they open a
   paragraph or follow an attributed quote in the same paragraph; others are scare quotes;
5. ``said_on`` comes from the date expression governing the attribution (same clause, the
   sentence's opening adverbial, or the occasion named in the sentence before), never silently
   from the publication date.

Knowledge (verbs, channels, speaker words, topics, stance cues) lives in ``data/``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from itertools import accumulate, islice, takewhile
from os.path import commonprefix

from newsframe.actors import (
    Actor,
    ActorMention,
    case_free_lower,
    find_actor_mentions,
    lookup_alias,
    resolve_title,
    trie_pattern,
)
from newsframe.actors import country_of as _country_of
from newsframe.article import Article, Sentence
from newsframe.dates import DateMention, find_dates, find_dates_in_text, number_value
from newsframe.reference import read_reference_csv, read_reference_yaml
from newsframe.tables import COLUMNS

STATEMENT_COLUMNS = list(COLUMNS["statements"])  # the contract's columns, in order


@lru_cache(maxsize=4096)
def country_of(phrase: str) -> str:
    """Cached ``newsframe.actors.country_of``: speaker phrases repeat within and across articles."""
    return _country_of(phrase)


# --- reference data, compiled once -------------------------------------------------------------

_VERBS = {row["form"]: row for row in read_reference_csv("speech_verbs.csv")}
# One prefix tree of all forms: a plain alternation of ~150 verbs costs milliseconds per article.
_VERB_RE = re.compile(r"(?<![\w’'-])" + trie_pattern(sorted(_VERBS)) + r"(?![\w-])", re.IGNORECASE)
# The same forms in lower case, for lower-cased text: cheaper than IGNORECASE, and the look-ahead
# on first letters lets the scan skip most positions without entering the tree.
_VERB_LOWER_RE = re.compile(
    r"(?<![\w’'-])(?=["
    + re.escape("".join(sorted({f[0].lower() for f in _VERBS})))
    + "])"
    + trie_pattern(sorted({f.lower() for f in _VERBS}))
    + r"(?![\w-])"
)
_CHANNELS = [
    (re.compile(row["pattern"], re.IGNORECASE), row["channel"])
    for row in read_reference_csv("statement_channels.csv")
]


def _any_of(patterns: list[re.Pattern[str]], flags: int = 0) -> re.Pattern[str] | None:
    """One pattern that matches wherever one of ``patterns`` does: a cheap first test.

    None when they cannot be joined (a back-reference or inline flag in an analyst's pattern).
    """
    joined = "|".join(f"(?:{p.pattern})" for p in patterns)
    if not patterns or re.search(r"\\\d|\(\?P=|\(\?[aiLmsux]", joined):
        return None
    try:
        return re.compile(joined, flags)
    except re.error:
        return None


# Most attributions name no channel: one search rules every row out before they are tried.
_ANY_CHANNEL_RE = _any_of([p for p, _ in _CHANNELS], re.IGNORECASE)


def _lowerable(pattern: str) -> bool:
    """Whether a case-insensitive pattern, compiled case-sensitive, finds in lower-cased text
    (``case_free_lower``) exactly what it finds in the text.

    True for patterns written in lower case (so no ``\\W``, ``\\B``...) whose only non-ASCII
    characters are caseless marks (’), with no character given by code, back-reference or
    inline flag, and no class range other than within a-z or 0-9 ("[!-_]" holds "A-Z").
    """
    if (
        pattern != pattern.lower()
        or re.search(r"\\[xuUN0-9]|\(\?P=|\(\?[aiLmsux-]", pattern)
        or any(not c.isascii() and (c.isalpha() or c.upper() != c) for c in pattern)
    ):
        return False
    in_class, first, i = False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if not in_class:
            if char == "[":
                in_class = True
                first = i + 2 if pattern[i + 1 : i + 2] == "^" else i + 1
        elif char == "]" and i > first:
            in_class = False
        elif char == "-" and i > first and pattern[i + 1 : i + 2] not in ("]", ""):
            low, high = pattern[i - 1], pattern[i + 1]
            if pattern[i - 2 : i - 1] == "\\" or high == "\\":
                return False  # an escaped end: not worth reading
            if not ("a" <= low <= high <= "z" or "0" <= low <= high <= "9"):
                return False
        i += 1
    return True


# The same rows for lower-cased attributions (IGNORECASE costs ``re`` 2-3x), when they allow it.
_CHANNELS_LOWER = (
    [(re.compile(p.pattern), channel) for p, channel in _CHANNELS]
    if all(_lowerable(p.pattern) for p, _ in _CHANNELS)
    else None
)
_ANY_CHANNEL_LOWER_RE = _any_of([p for p, _ in _CHANNELS_LOWER or []])
_WORDS = read_reference_yaml("statement_speakers.yaml")
_TOPICS = read_reference_yaml("topics.yaml")


def _word_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _listed(words: dict, key: str) -> str:
    """The words a reference file lists under ``key``, as a regex alternation (longest first);
    one that never matches when the list is missing or empty."""
    listed = words.get(key)
    return _word_alternation(listed) if listed else "(?!)"


_MEDIA_NOUN_RE = re.compile(rf"\b(?:{_word_alternation(_WORDS['media_nouns'])})s?\b", re.I)
_INSTITUTION_NOUN_RE = re.compile(
    rf"\b(?:{_word_alternation(_WORDS['institution_nouns'])})s?\b", re.I
)
_ANONYMOUS_NOUN_RE = re.compile(rf"\b(?:{_word_alternation(_WORDS['anonymous_nouns'])})\b", re.I)
_INSTITUTION_HEAD_RE = re.compile(_word_alternation(_WORDS["institution_heads"]), re.I)
_PLACED_ABROAD_RE = re.compile(rf"\b(?:{_listed(_WORDS, 'heads_placed_abroad')})\b", re.I)
# "In Tehran, the Foreign Ministry said": the place a sentence opens with, before its subject
_PLACE_LEAD_RE = re.compile(
    r"\s*(?:In|From)\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s*,\s*"
)
_PERSON_ROLES = _word_alternation(_WORDS["person_roles"])  # shared by the patterns below
_ROLE_NOUN_RE = re.compile(rf"\b(?:{_PERSON_ROLES})s?\b", re.I)
_ROLE_WORDS = {w.lower() for phrase in _WORDS["person_roles"] for w in phrase.split()}
_ORGANISATION_WORDS = frozenset(_WORDS.get("organisation_words", []))
_INSTITUTION_WORDS = frozenset(w for w in _WORDS["institution_nouns"] if " " not in w)
# A body's name going on after "for" or "of": "Observatory for", "Council of the"
_BODY_WORDS = sorted(_ORGANISATION_WORDS | {w.title() for w in _INSTITUTION_WORDS})
_BODY_NAME_GOES_ON_RE = re.compile(
    rf"\b(?:{_word_alternation(_BODY_WORDS)})s?\s+(?:for|of|on)\s+(?:the\s+)?$"
)
# Words for the same office, for a title referring back ("the envoy" after "Ambassador X")
_ROLE_SYNONYMS: dict[str, set[str]] = {
    word: set(group) for group in _WORDS.get("role_synonyms", []) for word in group
}
_DOCUMENT_BY_RE = re.compile(
    rf"^(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+)?(?:{_word_alternation(_WORDS['document_nouns'])})"
    r"\s+(?:(?:issued|released|published|put out|posted)\s+)?(?:by|from)\s+",
    re.I,
)
_DOCUMENT_NOUN_RE = re.compile(rf"\b(?:{_word_alternation(_WORDS['document_nouns'])})$", re.I)

_DOCUMENT_ADJECTIVES_RE = re.compile(r"(?:same|official|written|separate|full|latest)\s+", re.I)

_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"
_QUOTE_MARK_RE = re.compile(r"[“”«»„\"]")

# "X was quoted (by Y) as saying", "the paper cited the sources as saying",
# "quoted him as having said"
_QUOTED_AS_RE = re.compile(
    r"\b(?:(?P<aux>was|were|is|are|has been|have been|had been)\s+)?"
    r"(?P<verb>quoted|cited|citing|quoting)\s+"
    r"(?:by\s+(?P<by>[^,.;“”\"]{1,80}?)\s+|(?P<obj>[^,.;“”\"]{1,80}?)\s+)?"
    r"as\s+(?:having\s+)?(?P<say>saying|said|stating|telling|rejecting|warning|adding|calling)\b",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_PRONOUN_RE = re.compile(r"^(?:he|she|they|it|we|i|him|her|them)$", re.IGNORECASE)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_THAT_RE = re.compile(r"\s*(?:that|:|,)?\s*", re.IGNORECASE)
# "Ryabkov", "Kassym-Jomart", "al-Assad"
# Latin letters beyond ASCII too ("Arıkan", "Çavuşoğlu", "Erdoğan"); "İ" opens a name
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOWER = "a-zß-öø-ÿā-žı"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}’'\-]+(?:-[{_UPPER}][{_LOWER}’'\-]+)*|al-[{_UPPER}][{_LOWER}]+"
# A name's words are apart by one white space character: in the flat text a paragraph break is
# two ("... wrote on X.\n\nMarina Sokolova" holds no "X. Marina Sokolova"), a hard wrap one.
_NAME_GAP = r"\s(?!\s)"
# A medium's kind, then its name: "reformist daily Etemad", "TV channel Rossiya 24"
_MEDIUM_THEN_NAME_RE = re.compile(
    rf"(?:(?i:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,4}}?(?i:{_word_alternation(_WORDS['media_nouns'])})"
    rf"\s+(?P<name>[{_UPPER}][\w’'-]*(?:\s+(?:[{_UPPER}][\w’'-]*|\d+)){{0,3}})"
)
_NAME_RUN_RE = re.compile(
    rf"(?<![\w’'])(?:{_NAME_WORD}|[A-Z]\.)(?:{_NAME_GAP}(?:{_NAME_WORD}|[A-Z]\.|bin|ibn|de|van|von)){{1,7}}(?![\w])"
)
_SURNAME_RE = re.compile(rf"(?:{_NAME_WORD})")
_HONORIFIC_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+")
# Capitalised words that open a sentence, not a name
_NOT_NAME_STARTS = {
    "An",  # "An Iranian diplomat": an article, not a name's first word
    "But",
    "And",
    "Yet",
    "So",
    "Then",
    "The",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "Meanwhile",
    "However",
    "Asked",
    "Speaking",
    "Also",
    "Still",
    "Now",
    "State",  # "Minister of State Khalifa Al Marar", "Secretary of State Antony Blinken"
}
_LEADING_DETERMINER_RE = re.compile(
    r"^(?:the|a|an|this|that|these|those|his|her|its|their)\s+", re.I
)
# Words after a subject that are not part of it ("Lavrov has", "the ministry later"). The
# pattern states the rule (and tests check against it); _strip_trailing_noise applies it.
_NOISE_WORDS = (
    r"has|have|had|was|were|is|are|also|later|then|again|once|further|however|"
    # adverbs in -ly, but not a capitalised word ("Kelly", "Italy") nor a noun ("the daily")
    r"publicly|reportedly|recently|repeatedly|previously|"
    r"(?-i:(?!(?:daily|weekly|monthly|quarterly|family|ally|assembly)\b)[a-z]\w*ly)|"
    r"himself|herself|itself|always|"
    r"never|often|sometimes|still|long|too|first|already|now|"
    # when, after the subject ("The Kremlin on Friday denied"), and "he went on, adding"
    r"on|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|went"
)
_TRAILING_NOISE_RE = re.compile(rf"(?:\s+(?:{_NOISE_WORDS}))+\s*$", re.IGNORECASE)
_NOISE_WORD_RE = re.compile(rf"(?:{_NOISE_WORDS})", re.IGNORECASE)
_ADVERBIAL_SEGMENT_RE = re.compile(
    r"^(?:however|meanwhile|moreover|furthermore|in turn|"
    # "for his part"; counsel for a party: "Daniel Okoro KC, for Parsian, told the judge"
    r"(?:for|on|in|at|during|after|before|when|while|asked|speaking|earlier|later|last|this|"
    r"the next|a day|days|(?:two|three|four)\s+(?:hours|days|weeks|months|years)|yesterday|"
    r"today|then|but|and|also|in an? )\b.*)$",
    re.IGNORECASE,
)
_SUBORDINATOR_RE = re.compile(
    # "a week after Iran said": a span of time may lead "after" and "before"
    r"^(?:(?:even|just)\s+)?(?:(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\s+)?(?:after|before)|"
    r"when|while|as|because|since|although|though|whereas|if|once)\s+",
    re.I,
)
# A sentence opening with people in the plural: "Lawmakers from all four factions spoke ..."
_PLURAL_SUBJECT_RE = re.compile(
    r"\s*((?:(?:The|Both|Several|Many|Some|Two|Three|Four|Five)\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?i:" + _PERSON_ROLES + r")s\b(?:\s+(?:from|of|in|at)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)?)"
    r"(?=\s+(?:[a-z]+ed|spoke|met|were|have|had|said|told|say|warned|argued)\b)"
)
# "a Russian diplomat", "a senior Iranian official in Vienna": someone unnamed
_INDEFINITE_PERSON_RE = re.compile(
    r"\b[Aa]n?\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + _PERSON_ROLES
    + r")\b(?:\s+(?:in|at|from)\s+[A-Z][\w’'-]+)?"
)
_APPOSITIVE_RE = re.compile(
    r"^(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:" + _PERSON_ROLES + r")s?\b",
    re.I,
)
_WHO_RE = re.compile(r"^\s*(?:who|which|whose)\b", re.IGNORECASE)
# A capitalised title after a name, with no article: "Geir Pedersen, Special Envoy of the
# Secretary-General for Syria, said"; "Tarja Lindholm, Assistant Secretary-General, said"
_TITLE_APPOSITIVE_RE = re.compile(rf"^(?:[A-Z][\w-]*\s+){{0,2}}(?i:{_PERSON_ROLES})s?\b")
# An aside between a subject and its verb: a lower-case participle phrase
_PARTICIPIAL_ASIDE_RE = re.compile(r"^[a-z]+(?:ing|ed)\b")
_QUOTE_MARKS = _OPEN_QUOTES + _CLOSE_QUOTES + '"'
# A dateline opening a sentence: "ANKARA — ", "MOSCOW (Reuters) - ", "MOSCOW, Oct 2 — "
_DATELINE_LEAD_RE = re.compile(
    r"^\s*[A-Z][A-Z .,'’-]*(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\([^)]{1,30}\))?\s*[—–-]\s+"
    # "NEW DELHI: " (a city in capitals, then a colon); a script's speaker label:
    # "WHITFIELD (VOICE-OVER): ", "CORRESPONDENT (SARAH WHITFIELD), VOICE-OVER: "
    r"|^\s*[A-Z]{2}[A-Z .'’-]*(?:\s*\([A-Z][A-Z .'’-]*\))?(?:,\s*[A-Z][A-Z -]*)?:\s+"
)
# An appositive that is not a subject itself: indefinite ("an Iran specialist at ...") or with
# no determiner ("deputy chairman of ..."), lower case after the comma
_LOWER_APPOSITIVE_RE = re.compile(r"^(?:an?\s+)?[a-z][\w’'-]*\b(?!\s+(?:said|says|told))")
# A title after a name that opens with whose it is: "Hakan Fidan, Turkey's foreign minister,"
_POSSESSIVE_APPOSITIVE_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?\s+[a-z]")
_CONJ_RE = re.compile(r"^(?:and|but|yet|while|so|as|when|whereas)\s+", re.IGNORECASE)
# Forms that are also nouns ("reports", "claims"): a verb only right after a name or pronoun.
_NOUN_LIKE_FORMS = {
    "reports",
    "claims",
    "states",
    "notes",
    "demands",
    "calls for",
    "calls on",
    "answers",
    "remarks",
    "warning",
    "report",
}
_PARTICIPLES = {f for f in _VERBS if f.endswith("ing") or f.split()[0].endswith("ing")}
_SENTENCE_END_PUNCT = ".!?;:"


# Patterns used inside functions, compiled once (re's own cache costs a lookup per call).
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_AND_OR_END_RE = re.compile(r"\s(?:and|or)$")
_CLAUSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|comes|come|expected|that|which)\b")
_WHO_ASKED_OR_CLOSE_TO_RE = re.compile(r"\bwho asked\b|\bclose to\b")
_WORD_HYPHEN_RE = re.compile(r"[\w-]+")
_UNKNOWN_HEAD_SPLIT_RE = re.compile(r"\s+(?:of|close to|to|for|in|with|from|who|that|dealing)\s+")
# a role noun right after a body's name: "a senior Iranian military official"
_ROLE_NOUN_AFTER_RE = re.compile(rf"\s+(?:{_PERSON_ROLES})s?\b", re.I)
_NOT_NAMED_WORDS_RE = re.compile(r"\bnot to be named\b|\banonymity\b")
_INDEFINITE_START_RE = re.compile(r"^(?:a|an|some|two|three|several)\b", re.IGNORECASE)
_RELATIVE_CLAUSE_RE = re.compile(r",?\s+(?:who|that|which)\s+")
_WHO_CLAUSE_RE = re.compile(r",?\s+who\s+")
_LATIN_WORD_RE = re.compile(r"[A-Za-z-]+")
_LOWER_WORD_RE = re.compile(r"[a-z-]+")
# (not the comma of a number or a date: "30,000", "Sept. 21, 2023")
_SEGMENT_BREAK_RE = re.compile(r"(?:,(?!\d{3}\b)(?!\s(?:1[89]|20)\d\d\b)|[;—–])\s*")
_NOT_NAMED_RE = re.compile(r"not to be named|anonymity")
_INVERTED_PHRASE_RE = re.compile(r"\s*([^,.;:“”\"]{2,120})")
_THAT_WORD_RE = re.compile(r"\bthat\b")
_PREPOSITION_END_RE = re.compile(r"\b(?:in|of|on|titled|entitled|called|named)\s*$")
_NAMING_WORD_END_RE = re.compile(r"\b(?:headlined|titled|entitled|called|named)\s*$")
_WHETHER_START_RE = re.compile(r"(?:whether|nothing|little)\b", re.IGNORECASE)  # (not "if")
_QUOTE_FIRST_RE = re.compile(r"(?:\s+[^\s,.;:“”\"]+){0,6}?\s*[:,]?\s*(?=[“\"«])")
_COLON_COMMA_END_RE = re.compile(r"[:,]\s*$")
_PARTICIPLE_AFTER_COMMA_RE = re.compile(r",[”\"»]?\s*(?:\w+\s+)?$")
_CONJ_PRONOUN_END_RE = re.compile(r"(?:,\s*|\s)(?:but|and)\s+(?:he|she|they|it)\s+$")
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_SPACES_RE = re.compile(r"\s+")
_PASSIVE_AUX_END_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")
_BY_AFTER_RE = re.compile(r"\s+(?:by)\b")
_MODAL_OR_DETERMINER_END_RE = re.compile(
    r"\b(?:the|a|an|to|would|will|could|may|might|should|must|can)\s+$"
)
_TO_FOR_AFTER_RE = re.compile(r"\s+(?:to|for)\b")
_WENT_ON_TO_RE = re.compile(r"\b(?:go|goes|went|going|gone)\s+on\s+to\s+$")
_NEGATED_END_RE = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+$", re.IGNORECASE)
# A title's abbreviation ("Gen.", "Lt.", "Dr."): the titles of the sentence splitter's list
_TITLE_ABBREVIATIONS = [
    row["abbreviation"] for row in read_reference_csv("abbreviations.csv") if row["kind"] == "title"
]
_TITLE_ABBREVIATION_RE = re.compile(
    rf"\b(?:{_word_alternation(_TITLE_ABBREVIATIONS)})\.", re.IGNORECASE
)
_LAST_WORD_RE = re.compile(r"\w+$")
# A sentence's opening noun phrase headed by a medium or a body: "The channel Kaspiysky
# Dozor", "The Fjord channel", "The pro-government daily Aftonposten"
_LEADING_NOUN_PHRASE_RE = re.compile(
    r"(?P<body>(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}?"
    rf"(?i:{_word_alternation(_WORDS['media_nouns'] + _WORDS['institution_nouns'])})"
    r"(?:\s+[A-Z][\w’'-]*){0,3})(?=[\s,(])"
)
# "Shirin Mahdavi's letter", "the ministry's written statement", "Lavrov's post"
_OWNERS_WRITING_RE = re.compile(
    r"(?P<owner>[^,;:“”\"]{2,60}?)['’]s\s+(?:own\s+|latest\s+|written\s+)?"
    rf"(?:account|version|column|article|editorial|post|tweet|{_word_alternation(_WORDS['document_nouns'])})"
)
# "The Kremlin's account of the same call", "The Russian foreign ministry's version"
_BODYS_ACCOUNT_RE = re.compile(
    r"(?P<body>(?:The\s+)?[^,;:.“”\"]{2,50}?)['’]s\s+(?:own\s+|official\s+)?"
    rf"(?:account|version|{_word_alternation(_WORDS['document_nouns'])})\b"
)
_NAMED_BODY_RE = re.compile(
    r"\bthe\s+[A-Z][\w’'-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w’'-]*)+"
)
_TITLE_WORDS_ONLY_RE = re.compile(r"(?:\s+[A-Z][\w’'.-]*){0,4}\s+")
_SUBJECT_PRONOUN_RE = re.compile(r"he|she|it|they|we|I")
_JOINING_WORD_RE = re.compile(r"\s*(?:while|whereas|but|and|as)\s+")
_PARTICIPLE_START_RE = re.compile(r"[a-z]+ing\b")
# A question left open before a cue: "did not say whether", "declined to say if"
_EARLIER_VERSION_RE = re.compile(r"\b(?:earlier|previous)\s+version\s+of\s+(?:this|the)\b", re.I)
# A sentence asking: "What does it say about ...?", "Did Moscow say ...?"
_QUESTION_START_RE = re.compile(
    r"\s*(?:(?:What|Why|How|Who|Whom|Which|Where|When)\s+(?:\w+\s+)?)?"
    r"(?:does|do|did|is|are|was|were|will|would|can|could|has|have|had)\b",
    re.IGNORECASE,
)
_UNSAID_QUESTION_RE = re.compile(
    r"\b(?:not|n[’']t|declined to|refused to)\s+(?:say|said|specify|disclose|reveal|confirm|"
    r"comment on|explain)\s+(?:whether|if|when|how|what|who|why)\b"
)
# A verb right after a form that is also a noun makes it the noun ("the Gulf states have")
_VERB_AFTER_RE = re.compile(
    r"\s+(?:have|has|had|are|were|will|would|can|could|should|must|met|held|agreed|"
    r"(?!said\b)[a-z]+ed)\b"
)
_COMMA_END_RE = re.compile(r",\s*$")
_QUOTED_COMMA_END_RE = re.compile(r",[”\"’']\s*$")
_VERB_THEN_BY_RE = re.compile(r"\b[a-z]+ed\b[^,;:“”\"]{0,40}?\s+by\s*$")
# "The Chair opened the hearing by saying", "The minister disagreed, saying": the noun phrase
# opening the sentence, up to its verb (the first lower-case word in -ed after it)
_LEADING_SUBJECT_RE = re.compile(
    r"\s*(?:\d+\.\s+)?(?P<subject>(?:The|A|An)\s+[^,;:“”\"()]{1,60}?)\s+[a-z]+ed\b"
)
_COMMA_BEFORE_END_RE = re.compile(r",\s*(?:before|then|while|after)\s+$")  # ", before adding"
_SEVERAL_ISSUERS_RE = re.compile(r"\b(?:and|both)\b|,")
# Nouns that fit many speakers: "the official" is whoever the text introduced with the word,
# else whoever spoke last (generic_role_nouns in statement_speakers.yaml)
_GENERIC_ROLE_NOUNS = frozenset(_WORDS["generic_role_nouns"])
_OF_AFTER_NAME_RE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")
_PARENTHETICAL_RE = re.compile(r"\([^()]{0,40}\)")
# "of Kansas", "of New Mexico" after a name: where the person is from (no article: not "of the
# Centre for ...")
_HOME_AFTER_NAME_RE = re.compile(r"^\s+of\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}$")
_QUANTIFIER_RE = re.compile(r"(?:some|many|several|most|few|other|two|three)\s", re.I)
_TITLE_PREPOSITION_RE = re.compile(r"\b(?:to|of|for|at|with|from|in|on)\b")
_THE_POSSESSIVE_RE = re.compile(r"^the\s+[\w-]+['’]s\s+[a-z]")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
_ASKED_CLAUSE_RE = re.compile(r"\b(?:[Ww]hen |[Ii]f )?[Aa]sked\b[^,;]*,")
# A sentence opening with a participle: "Standing next to X,", "After meeting X,", "Pressed by X,"
_PARTICIPLE_LEAD = r"\s*(?:(?:After|Before|While|Upon|On|When)\s+[a-z]+|[A-Z][a-z]+)(?:ing|ed)\s"
_PARTICIPLE_LEAD_RE = re.compile(_PARTICIPLE_LEAD)
_FRONTED_PARTICIPLE_RE = re.compile(_PARTICIPLE_LEAD + r"[^,;“”\"]*,")
_DETERMINED_WORD_END_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Oo]ther|[Aa]ll|[Bb]oth|[Ii]ts|[Tt]heir|[Oo]ur)"
    r"(?:\s+[A-Z][\w’'.-]*){1,3}\s+$"
)
_NAME_OR_PRONOUN_END_RE = re.compile(r"(?:\b[A-Z][\w’'.-]*|\b(?:he|she|it|they|we|I|who))\s+$")
_CONJUNCTION_START_RE = re.compile(r"\s*,?\s*(?:but|and|yet|while|because|as|although)\b")
_SENTENCE_STOP_RE = re.compile(r"[.!?;]")
_CLOSING_PUNCT_RE = re.compile(r"[,?!.]")
_COLON_ONLY_RE = re.compile(r"\s*:\s*$")
_FEW_WORDS_THEN_COLON_RE = re.compile(r"\s*(?:[\w’'-]+\s+){0,4}[\w’'-]+\s*:\s*$")
_QUOTE_AFTER_COMMA_RE = re.compile(r"^[,:]\s*[“\"«]")
# Only an adverbial: it runs to a comma or the end without a "that" clause or a quote.
# Verbs whose object is who was told, and a tail after one that is only that object (and a
# time): no "that", no quote, no verb ("told reporters Iran had agreed" goes on with content).
_OBJECT_FIRST_LEMMAS = frozenset({"tell", "assure", "inform"})
_OBJECT_ONLY_TAIL_RE = re.compile(
    r"^(?!.*\b(?:that|would|will|is|was|are|were|had|has|have|could|should|must|can|may|"
    r"[a-z]+ed)\b)[^“”\"«»,;:]{1,60}[.,]?$"
)
# Who was told, before a bare reported clause: "told reporters (on Monday) Iran had agreed",
# "told the Financial Times the deal was dead", "told Kommersant the loan was ready"
_TOLD_OBJECT_RE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|parliament|him|her|them|us|me|"
    r"the\s+(?:[A-Z][\w’'.-]*\s+)*[\w’'.-]+|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"(?:\s+(?:on|in|at|last)\s+[\w’'.-]+)?(?=\s+(?:[A-Z]|the\b|it\b|he\b|she\b|they\b|we\b))"
)
_TIME_ADVERBIAL_RE = re.compile(
    r"^(?:(?:late|early|shortly|just|soon)\s+)?"  # "said late on Tuesday", "shortly after"
    r"(?:on|in|at|during|after|before|last|this|yesterday|today)\b"
    r"(?:(?!\bthat\b)[^,“”\"«])*(?:[,.]|$)"
)
_QUOTE_MARK_END_RE = re.compile(r"[”\"]\s*$")
_ACCORDING_STOP_RE = re.compile(r"[,.;:“\"]")
_REPORT_BY_RE = re.compile(r"^(?:an?|the|several)\s+(?:\w+\s+)?reports?\s+(?:by|in|from)\s+(.+)$")
_VAGUE_REPORTS_RE = re.compile(r"^(?:several|some|many|other|unconfirmed)\s+reports?$")
_COLON_END_RE = re.compile(r":\s*$")
# Where a predicate may start: a linking verb, a past tense ("summed it up:", "issued a
# statement:"). A past participle may also be an adjective ("A retired general put it"): one
# right after a determiner or an adverb is passed over.
_PREDICATE_START_RE = re.compile(
    r"\s(?:was|were|is|are|had|has|remained|sounded|seemed|[a-z]{2,}ed|sent|put|gave|made|took|"
    r"wrote|spoke|struck|set|kept|drew|chose|went|came|got)\b"
)
_RELATIVE_PRONOUN_RE = re.compile(r"\s(?:who|whom|whose)\b")
_NO_SUBJECT_END_RE = re.compile(
    r"\b(?:(?i:the|a|an|one|this|that|these|those|his|her|its|their|some|several)|[a-z]+ly)\s*$"
)


# --- data shapes -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Quote:
    start: int  # opening mark
    end: int  # after closing mark (or paragraph end)
    content_start: int
    content_end: int
    paragraph: int
    closed: bool
    claimed: bool = False


@dataclass(slots=True)
class _Speaker:
    name: str
    actor_id: str = ""
    country: str = ""
    role: str = ""
    type: str = "person"
    surface: str = ""
    offset: int = -1  # where it is named in the text


@dataclass(slots=True)
class _Statement:
    start: int
    end: int
    kind: str
    speaker: _Speaker
    cue: str
    cue_start: int
    cue_end: int
    paragraph: int
    channel: str = ""
    date: DateMention | None = None
    date_basis: str = "unknown"
    parts: list[tuple[int, int]] = field(default_factory=list)


# --- paragraphs and quotes ---------------------------------------------------------------------

_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    """Paragraph spans (blank-line separated) inside the article body."""
    spans: list[tuple[int, int]] = []
    blocks = article.body or [(0, len(article.text))]
    for block_start, block_end in blocks:
        cursor = block_start
        for match in _BLANK_LINE_RE.finditer(article.text, block_start, block_end):
            if match.start() > cursor:
                spans.append((cursor, match.start()))
            cursor = match.end()
        if block_end > cursor:
            spans.append((cursor, block_end))
    return spans


def _is_opening_straight(flat: str, i: int) -> bool:
    before = flat[i - 1] if i > 0 else " "
    after = flat[i + 1] if i + 1 < len(flat) else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return False


def _find_quotes(article: Article, paragraphs: list[tuple[int, int]]) -> list[_Quote]:
    flat = article.flat
    quotes: list[_Quote] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        for match in _QUOTE_MARK_RE.finditer(flat, p_start, p_end):
            i = match.start()
            mark = flat[i]
            opening = mark in _OPEN_QUOTES or (mark == '"' and _is_opening_straight(flat, i))
            if opening:
                if open_at is not None and mark == '"' and flat[i - 1] not in " \t":
                    opening = False  # '"' glued to a word while a quote is open: it closes
                elif open_at is not None:
                    quotes.append(_make_quote(flat, open_at, i, p_index, closed=False))
            if opening:
                open_at = i
            elif open_at is not None:
                quotes.append(_make_quote(flat, open_at, i + 1, p_index, closed=True))
                open_at = None
        if open_at is not None:
            quotes.append(_make_quote(flat, open_at, p_end, p_index, closed=False))
    return quotes


def _make_quote(flat: str, start: int, end: int, paragraph: int, *, closed: bool) -> _Quote:
    content_start = start + 1
    content_end = end - 1 if closed else end
    while content_end > content_start and (
        flat[content_end - 1].isspace() or flat[content_end - 1] in ",;"
    ):
        content_end -= 1
    while content_start < content_end and flat[content_start].isspace():
        content_start += 1
    return _Quote(start, end, content_start, content_end, paragraph, closed)


def _quote_around(quotes: list[_Quote], offset: int) -> _Quote | None:
    for quote in quotes:
        if quote.start <= offset < quote.end:
            return quote
    return None


# --- speakers ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    article: Article
    mentions: list[ActorMention]
    quotes: list[_Quote]
    statements: list[_Statement]
    paragraph_of: dict[int, int]  # sentence_id -> paragraph index
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)  # of ``mentions``, sorted by start
    lower: str = ""  # article.flat lower-cased, when that keeps every offset ("" otherwise)
    # The quotes' starts when they follow each other without overlapping (as _find_quotes makes
    # them), for bisection; None otherwise.
    quote_starts: list[int] | None = None
    _full_name_runs: list[tuple[int, str]] | None = None
    genders: dict[str, str] | None = None  # surname -> "f" | "m", made when first needed
    _women: bool | None = None
    questions: list[tuple[int, int]] = field(default_factory=list)  # a transcript's questions
    answers: list[_Statement] = field(default_factory=list)  # and its answers
    transcript_start: int = -1  # where its first labelled paragraph starts
    # A "What they said" box's entries: (label paragraph, its speaker, its day or None)
    entries: list[tuple[int, _Speaker, DateMention | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        lower = self.article.flat.lower()
        self.lower = lower if len(lower) == len(self.article.flat) else ""
        quotes = self.quotes
        if all(q.start < q.end for q in quotes) and all(
            a.end <= b.start for a, b in zip(quotes, quotes[1:], strict=False)
        ):
            self.quote_starts = [q.start for q in quotes]

    def quote_around(self, offset: int) -> _Quote | None:
        """The quote containing ``offset`` (``_quote_around``)."""
        if self.quote_starts is None:
            return _quote_around(self.quotes, offset)
        i = bisect_right(self.quote_starts, offset) - 1
        if i >= 0 and offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def verbs(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """Speech-verb forms in flat[start:end] (offsets into flat; the match text may be
        lower-cased)."""
        if self.lower:
            return _VERB_LOWER_RE.finditer(self.lower, start, end)
        return _VERB_RE.finditer(self.article.flat, start, end)

    def full_names(self) -> list[tuple[int, str]]:
        """(start, name) of every unlisted person's name of two words or more in the text."""
        if self._full_name_runs is None:
            self._full_name_runs = [
                (match.start(), found.name)
                for match in _NAME_RUN_RE.finditer(self.article.flat)
                if (found := _unknown_name(match.group(), match.start())) is not None
            ]
        return self._full_name_runs

    def full_name_before(self, surname: str, offset: int) -> str | None:
        """The nearest full name before ``offset`` ending in ``surname`` (read around each
        place the surname follows a capitalised word, nearest first); failing that, the nearest
        two-word name opening with it, the family name first ("Zhao" for "Zhao Mingwei")."""
        flat, size = self.article.flat, len(surname) + 1
        places = []
        at = flat.find(" " + surname, 0, offset + size)
        while at >= 0:
            places.append(at)
            at = flat.find(" " + surname, at + 1, offset + size)
        for at in reversed(places):
            end = at + size
            if end < len(flat) and (flat[end].isalnum() or flat[end] in "’'-"):
                continue  # a longer word ("Karimian" for "Karimi")
            for run in _NAME_RUN_RE.finditer(flat, max(0, at - 80), end):
                if run.end() == end:
                    found = _unknown_name(run.group(), run.start())
                    if (
                        found is not None
                        and found.name.endswith(" " + surname)
                        and not _HONORIFIC_RE.match(found.name)  # ("Ms Marlowe" is no full name)
                    ):
                        return found.name
        for at in reversed(places):
            run = _NAME_RUN_RE.match(flat, at + 1)
            if run is not None and run.start() < offset and len(run.group().split()) == 2:
                found = _unknown_name(run.group(), run.start())
                if found is not None and found.name.startswith(surname + " "):
                    return found.name
        return None

    def mentions_women(self) -> bool:
        """Whether the text says "she" or "her" anywhere (read once)."""
        if self._women is None:
            # (substring tests: a pattern with no literal start is tried at every position)
            lower = self.lower or self.article.flat.lower()
            self._women = any(
                not lower[m.start() - 1 : m.start()].isalpha() and not lower[m.end()].isalpha()
                for m in _FEMININE_RE.finditer(lower)
            )
        return self._women

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        """Mentions starting in [start, end), in reading order."""
        starts = self.mention_starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def persons_before(self, offset: int, since: int) -> list[_Speaker]:
        found = []
        for mention in self.mentions_in(since, offset):
            if mention.type == "person":
                if self.article.flat[mention.end : mention.end + 2] in ("'s", "’s"):
                    continue  # "Putin’s remarks": a possessive is not who speaks next
                if self.quote_around(mention.start):
                    continue
                found.append(_from_mention(mention))
        for match in _NAME_RUN_RE.finditer(self.article.flat, since, offset):
            if self.quote_around(match.start()):
                continue
            if self.article.flat[match.end() : match.end() + 2] in (
                "'s",
                "’s",
            ) or match.group().endswith(("'s", "’s")):
                continue  # "Caspian Gas Trading's former director": whose, not who
            if _THE_BEFORE_RE.search(self.article.flat, max(0, match.start() - 4), match.start()):
                continue  # "the Black Sea": a place or a thing, not a person
            speaker = _unknown_name(match.group(), match.start())
            # (a listed actor is found as a mention; "Saudi Energy Minister Khalid al-Falih"
            # opens with one, the country, but names someone else)
            if speaker is not None and not any(
                m.start <= speaker.offset < m.end for m in self.mentions_in(since, offset)
            ):
                found.append(speaker)
        # people the text names by one name only: "Zahra, 54,", "who gave his name only as
        # Hossein"
        for match in _FIRST_NAME_ONLY_RE.finditer(self.article.flat, since, offset):
            name = match.group("age") or match.group("only")
            at = match.start("age") if match.group("age") else match.start("only")
            if not country_of(name) and not self.mentions_in(at, at + len(name)):
                found.append(_Speaker(name=name, type="person", surface=name, offset=at))
        found.sort(key=lambda s: s.offset)
        return found


_FIRST_NAME_ONLY_RE = re.compile(
    rf"(?<![\w’'-])(?P<age>{_NAME_WORD}),\s\d{{1,3}},"
    rf"|\b(?:gave\s+(?:his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?as|identified\s+only"
    rf"\s+as|known\s+only\s+as)\s+(?P<only>{_NAME_WORD})\b"
)
# "Russia said": a state speaks through its institutions
_MENTION_SPEAKER_TYPE = {"country": "institution", "group": "institution"}


def _from_mention(mention: ActorMention) -> _Speaker:
    return _Speaker(
        name=mention.name,
        actor_id=mention.actor_id,
        country=mention.country,
        role=mention.role,
        type=_MENTION_SPEAKER_TYPE.get(mention.type, mention.type),
        surface=mention.surface,
        offset=mention.start,
    )


def _from_actor(actor: Actor, surface: str, offset: int, kind: str = "") -> _Speaker:
    """A listed actor found by its name or title rather than as a mention in the text."""
    return _Speaker(
        name=actor.name,
        actor_id=actor.actor_id,
        country=actor.country,
        role=actor.role,
        type=kind or actor.type,
        surface=surface,
        offset=offset,
    )


def _unknown_name(run: str, offset: int) -> _Speaker | None:
    """A capitalised run ("Tehran-based analyst Reza Nasri" -> "Reza Nasri") as a person."""
    words = run.split()
    bodies = [
        i
        for i, word in enumerate(words)
        if word in _ORGANISATION_WORDS or word.lower().removesuffix("s") in _INSTITUTION_WORDS
    ]
    if bodies:
        # "Centre for Eurasian Studies" is a body; "Foreign Affairs Committee Nikos Giannakis",
        # where words follow the body's name, a person of it
        words = words[bodies[-1] + 1 :]
    while words and (
        words[0] in _NOT_NAME_STARTS
        or words[0] in _STYLE_WORDS
        # (an honorific before a full name; "Ms Lindqvist" alone stays what the text calls her)
        or len(words) > 2
        and _HONORIFIC_RE.fullmatch(words[0] + " ")
    ):
        # "But Rear Admiral Daniel Hagari", "His Eminence Sheikh Omar Lund", "Dr Helen Carrow"
        words = words[1:]
    # "Professor Kerr", as "Dr Kerr": an honorific and a surname, what the text calls someone
    honorific_surname = len(words) == 2 and _HONORIFIC_RE.fullmatch(words[0] + " ")
    # "Iranian Roads Minister Hamid Karimzadeh", "Parliament Speaker Mohammad Ghalibaf": the
    # name follows the last title word
    titles = [
        i
        for i, word in enumerate(words[:-1])
        if word.lower() in _ROLE_WORDS and not honorific_surname
    ]
    if titles:
        words = words[titles[-1] + 1 :]
    while (
        not honorific_surname
        and words
        and (words[0].lower() in _ROLE_WORDS or country_of(words[0]))
    ):
        words = words[1:]
    if len(words) < 2 or words[-1].lower() in _ROLE_WORDS:
        return None  # (a title: "Assistant Secretary-General", "Deputy Director")
    name = " ".join(words)
    if _MEDIA_NOUN_RE.search(name) or _INSTITUTION_NOUN_RE.search(name):
        return None  # "Army Radio", "Foreign Ministry": not a person's name
    return _Speaker(name=name, type="person", surface=name, offset=offset + run.index(words[0]))


def _strip_trailing_noise(text: str) -> str:
    """``text`` without the noise words it ends with: ``_TRAILING_NOISE_RE.sub("", text)``.

    Walks the words from the end instead: the pattern, anchored at the end, is tried by ``re``
    at every space of the text (and ``\\w+ly`` reads each word there), a cost that grows with it.
    Each noise word must follow a space; the cut is at the spaces before the first of them.
    """
    cut = -1
    end = len(text.rstrip())
    while end > 0:
        word = text[:end].rsplit(None, 1)[-1]
        start = end - len(word)
        if start == 0 or not _NOISE_WORD_RE.fullmatch(word):
            break
        cut = end = len(text[:start].rstrip())
    return text[:cut] if cut >= 0 else text


def _speaker_from_phrase(ctx: _Context, phrase: str, offset: int) -> _Speaker | None:
    """Who a subject phrase names: a listed actor, a pronoun, a description or a new name."""
    phrase = _strip_post_nominals(_strip_trailing_noise(phrase))
    # (a closing single quote left before the subject: "'...,' the official said")
    lead = len(phrase) - len(phrase.lstrip(" ,;:—–-'’"))
    phrase = phrase.strip(" ,;:—–-").lstrip("'’ ")
    if not phrase or _POSSESSIVE_END_RE.search(phrase):
        return None  # empty, or a possessive ("Iran’s continued presence"): not a subject
    owned = _OWNERS_WRITING_RE.fullmatch(phrase)
    if owned is not None:
        # "Shirin Mahdavi's letter insists", "the ministry's statement says": whose it is
        return _speaker_from_phrase(ctx, owned.group("owner"), offset + lead)
    conj = _CONJ_RE.match(phrase)
    if conj:
        offset += conj.end()
        phrase = phrase[conj.end() :]
    dateline = _DATELINE_LEAD_RE.match(phrase)
    if dateline:
        # "MOSCOW: Russia said", "ANKARA — The ministry said": the story's dateline first
        lead += dateline.end()
        phrase = phrase[dateline.end() :]
    start = offset + lead
    end = start + len(phrase)
    delegate = _delegate(phrase, start)
    if delegate is not None:
        return delegate
    bracketed = _BRACKETS_AT_END_RE.search(phrase)
    if bracketed:
        # "The Rybar channel (@rybar, about 1.3 million subscribers)": an aside on who it is
        phrase = phrase[: bracketed.start()]
        end = start + len(phrase)
    honorific = _HONORIFIC_ALONE_RE.fullmatch(phrase)
    if honorific is not None:
        return _honoured(ctx, honorific.group("honorific") or honorific.group("title"), start)
    outlet = _MEDIUM_THEN_NAME_RE.fullmatch(phrase)
    if outlet and outlet.group("name") not in _CALENDAR_WORDS:
        # "Reformist daily Etemad", "Russian state TV channel Rossiya 1": the outlet's name
        name = outlet.group("name")
        listed = lookup_alias(name)
        if listed is not None and listed.type == "media":  # ("the daily Iran" is no country)
            return _from_actor(listed, phrase, start)
        return _Speaker(
            name=name, country=country_of(phrase), type="media", surface=phrase, offset=start
        )
    issued = _DOCUMENT_BY_RE.match(phrase)
    if issued and not _SEVERAL_ISSUERS_RE.search(phrase, issued.end()):  # "by X and Y": all
        # "a readout issued by the Russian Foreign Ministry on Tuesday": its issuer speaks
        issuer = _speaker_from_phrase(ctx, phrase[issued.end() :], start + issued.end())
        if issuer is not None:
            return issuer
    reduced = _REDUCED_RELATIVE_RE.match(phrase)
    if reduced:
        # "A post shared more than 30,000 times on X": the noun before its participle (a
        # document "issued by" someone was read above: its issuer speaks)
        phrase = reduced.group("head")
        end = start + len(phrase)
    words = phrase.split()
    if len(words) == 1 and _PRONOUN_RE.match(words[0]):
        pronoun = words[0].lower()
        return _resolve_pronoun(ctx, _OBJECT_PRONOUNS.get(pronoun, pronoun), start)
    if _AND_OR_END_RE.search(phrase):
        # 'Tel Aviv changed its policy and acknowledged': the first actor is the subject
        firsts = ctx.mentions_in(start, end)
        if (
            len(firsts) > 1
            and firsts[0].type == "country"
            and firsts[1].type == "person"
            and _TITLE_WORDS_ONLY_RE.fullmatch(ctx.article.flat, firsts[0].end, firsts[1].start)
        ):
            # "Iranian Foreign Minister Abbas Araghchi congratulated ... and said": the person
            # the country's adjective and the title lead to
            return _from_mention(firsts[1])
        return _from_mention(firsts[0]) if firsts else None
    if (
        # "A senior official who asked not to be named": the relative clause is no subject
        # (a body's name of several words counts as one: "close to the Supreme National
        # Security Council" is no longer a phrase than "close to the council")
        len((head_words := _WHO_CLAUSE_RE.split(phrase, maxsplit=1)[0]).split()) > 9
        and len(_NAMED_BODY_RE.sub("the N", head_words).split()) > 9
        or _CLAUSE_VERB_RE.search(phrase)
        and not _WHO_ASKED_OR_CLOSE_TO_RE.search(phrase)
    ):
        # A clause, not a noun phrase: "reports that suggest", "tensions ... are expected"
        return None
    inside = [m for m in ctx.mentions_in(start, end) if m.end <= end]
    persons = [m for m in inside if m.type == "person"]
    if persons:
        # Rightmost person: "Russia's Deputy Foreign Minister Sergei Ryabkov"
        return _from_mention(persons[-1])
    named = [
        s
        for match in _NAME_RUN_RE.finditer(phrase)
        if (s := _unknown_name(match.group(), start + match.start())) is not None
        and not any(m.start <= s.offset < m.end for m in inside)
        # "Human Rights" in "Observatory for Human Rights" is the rest of a body's name
        and not _BODY_NAME_GOES_ON_RE.search(phrase, 0, match.start())
    ]
    # "(Analyst) Farah Qureshi of the Centre for ...": a name first (after its title, if any),
    # then where the person works
    works_at = (
        named
        and all(
            w.lower() in _ROLE_WORDS or _HONORIFIC_RE.fullmatch(w + " ")
            for w in phrase[: named[0].offset - start].split()
        )
        and _OF_AFTER_NAME_RE.match(phrase, named[0].offset - start + len(named[0].name))
    )
    if named and (works_at or named[-1].offset + len(named[-1].name) >= end - 1):
        speaker = named[0] if works_at else named[-1]
        speaker.country = country_of(phrase)
        speaker.role = _role_words(phrase[: speaker.offset - start])
        return speaker
    head_end = start + len(_head_of(phrase))
    in_head = [
        m
        for m in inside
        if m.end <= head_end
        and m.type in ("media", "institution")
        # (not "a senior Iranian military official": a person the body's name describes)
        and not _ROLE_NOUN_AFTER_RE.match(phrase, m.end - start)
    ]
    if in_head and not _ANONYMOUS_NOUN_RE.search(phrase[: head_end - start]):
        return _from_mention(in_head[-1])
    bare = _LEADING_DETERMINER_RE.sub("", phrase)
    covering = [m for m in inside if m.end - m.start >= len(bare) - 1]
    if covering:
        return _from_mention(covering[0])  # 'The Times of Israel', 'the Kremlin'
    if "'s " in phrase or "’s " in phrase:
        # "Russia's special envoy for Syria": a listed title, under the country's adjective
        titled = resolve_title(_LEADING_DETERMINER_RE.sub("", phrase), ctx.article.published)
        if titled is not None:
            return _from_actor(titled, phrase, start)
    placed = _placed_institution(ctx, phrase, start)
    if placed is not None:
        return placed
    described = _resolve_description(ctx, phrase, start)
    if described is not None:
        return described
    if inside and (len(inside) == 1 and inside[0].end - inside[0].start >= len(phrase) - 4):
        return _from_mention(inside[0])
    return _describe_unknown(phrase, start, inside)


_HEAD_SPLIT_RE = re.compile(
    r"\s+(?:of|close to|to|for|in|on|at|with|from|who|that|which|dealing|based)\s+"
)


# "DANNY DANON (Israel)", "Geir Pedersen (Norway)": a name of capitalised words, then the
# country in brackets (one to three capitalised words: not a party tag such as "(R-Neb.)")
_COUNTRY_TAGGED_RE = re.compile(
    rf"(?P<name>[{_UPPER}][\w’'-]+(?:\s[{_UPPER}][\w’'-]+){{1,3}})"
    rf"\s*\((?P<country>[{_UPPER}][{_LOWER}]+(?:\s[{_UPPER}][{_LOWER}]+){{0,2}})\)"
)


def _delegate(phrase: str, start: int) -> _Speaker | None:
    """A speaker named as UN meeting summaries name delegates: the name (often in capitals),
    then the country in brackets. A listed person is that actor."""
    tagged = _COUNTRY_TAGGED_RE.fullmatch(phrase)
    if tagged is None:
        return None
    name, country = tagged.group("name"), country_of(tagged.group("country"))
    if name.isupper():
        name = name.title()  # "MAJID TAKHT RAVANCHI" -> "Majid Takht Ravanchi"
    actor = lookup_alias(name)
    if actor is not None and actor.type == "person":
        return _from_actor(actor, phrase, start)
    return _Speaker(name=name, country=country, type="person", surface=phrase, offset=start)


_REDUCED_RELATIVE_RE = re.compile(
    r"(?P<head>(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?[a-z-]+)\s+(?:[a-z]+ed|shown|seen|written|"
    r"given|made|read)\s+(?:by|more|in|on|at|to|from|over|across|since|widely)\b"
)
_BRACKETS_AT_END_RE = re.compile(r"\s*\([^()]{1,80}\)$")
# "Daniel Okoro KC", "Fiona Marlowe, MP": letters after a name, not part of it
_POST_NOMINALS = frozenset(_WORDS["post_nominals"])


def _strip_post_nominals(text: str) -> str:
    """``text`` without the letters after a name it ends with ("Daniel Okoro KC," -> "Daniel
    Okoro"); the words are walked from the end (a pattern anchored at the end would be tried at
    every space of the text)."""
    cut = -1
    end = len(text.rstrip(" ,"))
    while end > 0:
        head = text[:end]
        word = head.rsplit(None, 1)[-1]
        start = end - len(word)
        if start == 0 or not head[start - 1].isspace() or word.rstrip(".") not in _POST_NOMINALS:
            break
        cut = end = len(head[:start].rstrip(" ,"))
    return text[:cut] if cut >= 0 else text


_STYLES = _WORDS["styles_of_address"]
_NAME_PREFIXES = _WORDS["name_prefixes"]
# Words of a style of address before a name, not part of it
_STYLE_WORDS = frozenset(["His", "Her", "Royal", *_STYLES, *_NAME_PREFIXES])
# A style of address standing for a person ("His Eminence said", "His Excellency Dr.")
_HONORIFIC_ALONE_RE = re.compile(
    rf"(?P<honorific>(?:His|Her)\s+(?:Royal\s+)?(?:{_word_alternation(_STYLES)}))"
    rf"(?:\s+(?:{_word_alternation(_NAME_PREFIXES)}|Dr\.?))*"
    rf"|[Tt]he\s+(?P<title>{_word_alternation(_NAME_PREFIXES)})"  # "the Sayyed added"
)


def _honoured(ctx: _Context, honorific: str, start: int) -> _Speaker | None:
    """The person the text last named after the same style of address ("His Eminence Sayyed
    Hassan Nasrallah"), else whom "he" or "she" would be."""
    flat = ctx.article.flat
    at = flat.rfind(honorific, 0, start)
    while at >= 0:
        after = at + len(honorific)
        # (a listed name may hold the style: "Sayyed Hassan Nasrallah"; a run of capitalised
        # words from the style on is no one's name: "His Excellency Dr")
        named = [
            p
            for p in ctx.persons_before(after + 40, at)
            if p.offset - after <= 22 and not p.name.startswith(("His ", "Her "))
        ]
        if named:
            return _copy(min(named, key=lambda p: (not p.actor_id, p.offset)))
        at = flat.rfind(honorific, 0, at)
    return _resolve_pronoun(ctx, "she" if honorific.startswith("Her") else "he", start)


def _placed_institution(ctx: _Context, phrase: str, start: int) -> _Speaker | None:
    """An institution named by its head alone and placed in a country's capital or seat ("In
    Tehran, the Foreign Ministry said", "the Defence Ministry in Ankara"): that country's,
    named as the actor list names it ("Iranian Foreign Ministry")."""
    head, _, place = _LEADING_DETERMINER_RE.sub("", phrase).partition(" in ")
    if not _INSTITUTION_HEAD_RE.fullmatch(head) or _PLACED_ABROAD_RE.search(head):
        return None
    if not place:
        sentence = ctx.article.sentence_at(start)
        lead = sentence and _PLACE_LEAD_RE.fullmatch(ctx.article.flat, sentence.start, start)
        if not lead:
            return None
        place = lead.group("place")
    country = lookup_alias(place.strip())
    if country is None or country.type != "country" or not country.aliases:
        return None
    named = f"{country.aliases[0]} {head}"  # a country's first alias is its adjective
    found = find_actor_mentions(named)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(named)):
        return None
    speaker = _from_mention(found[0])
    speaker.surface, speaker.offset = phrase, start
    return speaker


def _head_of(phrase: str) -> str:
    """'hardline Kayhan newspaper on Thursday' -> 'hardline Kayhan newspaper'."""
    return _HEAD_SPLIT_RE.split(phrase, maxsplit=1)[0]


def _role_words(text: str) -> str:
    words = [w for w in _WORD_HYPHEN_RE.findall(text) if w.lower() in _ROLE_WORDS]
    return " ".join(words)


def _describe_unknown(phrase: str, start: int, inside: list[ActorMention]) -> _Speaker:
    """A speaker not in the list, named by the text's own words, with a guessed type."""
    name = _LEADING_DETERMINER_RE.sub("", phrase).strip()
    head = _UNKNOWN_HEAD_SPLIT_RE.split(name, maxsplit=1)[0]
    if _ANONYMOUS_NOUN_RE.search(head) or _NOT_NAMED_WORDS_RE.search(phrase):
        kind = "anonymous"
    elif _MEDIA_NOUN_RE.search(head):
        kind = "media"
    elif (
        _INSTITUTION_NOUN_RE.search(head)
        or _ORGANISATION_WORDS.intersection(head.split())  # "Centre for Eastern Studies"
    ) and not _ROLE_NOUN_RE.search(head):
        kind = "institution"
    elif _ROLE_NOUN_RE.search(head):
        # "a senior Russian diplomat": an unnamed person is an anonymous source
        kind = "anonymous" if _INDEFINITE_START_RE.match(phrase) else "person"
    elif inside and all(m.type in ("country", "institution", "group") for m in inside):
        kind = "institution"
    else:
        kind = "person"
    # Appositive names after a comma were cut already; keep at most the noun phrase.
    name = _RELATIVE_CLAUSE_RE.split(name)[0]
    return _Speaker(
        name=name,
        country=country_of(phrase),
        role=_role_words(head),
        type=kind,
        surface=phrase,
        offset=start,
    )


def _statement_before(ctx: _Context, offset: int) -> _Statement | None:
    """The last statement whose attribution comes before ``offset``."""
    return next((s for s in reversed(ctx.statements) if s.cue_start < offset), None)


def _resolve_pronoun(ctx: _Context, pronoun: str, offset: int) -> _Speaker | None:
    """Who a pronoun subject of a speech verb at ``offset`` is (``pronoun`` lower case)."""
    sentence = ctx.article.sentence_at(offset)
    last = _statement_before(ctx, offset)
    if pronoun == "they" and sentence is not None:
        plural = _plural_subject_before(ctx, sentence, last)
        if plural is not None:
            return plural
    if pronoun == "it" and sentence is not None:
        if _IT_READS_RE.match(ctx.article.flat, offset):
            # "... has just posted a statement. “...,” it reads": the document, its issuer's
            return _document_issuer_before(ctx, sentence, offset)
        body = _body_subject_before(ctx, sentence, last)
        if body is not None:
            return body
    if pronoun in ("it", "they"):
        want = {"institution", "media", "anonymous"} if pronoun == "it" else None
        for statement in reversed(ctx.statements):
            if statement.cue_start < offset and (want is None or statement.speaker.type in want):
                return _copy(statement.speaker)
        return None
    if pronoun in ("we", "i"):
        return _copy(last.speaker) if last else None
    return _person_pronoun(ctx, pronoun, offset, sentence, last)


_IT_READS_RE = re.compile(
    r"it\s+(?:{})\b".format(
        "|".join(form for form, verb in _VERBS.items() if verb.get("complement") == "quote")
    ),
    re.IGNORECASE,
)
_ANY_DOCUMENT_NOUN_RE = re.compile(
    rf"\b(?:{_word_alternation(_WORDS['document_nouns'])})\b", re.IGNORECASE
)


def _document_issuer_before(ctx: _Context, sentence: Sentence, offset: int) -> _Speaker | None:
    """Who issued the document named last in a sentence up to three before ``offset``."""
    flat = ctx.article.flat
    for back in range(sentence.sentence_id, max(-1, sentence.sentence_id - 4), -1):
        before = ctx.article.sentences[back]
        named = list(_ANY_DOCUMENT_NOUN_RE.finditer(flat, before.start, min(before.end, offset)))
        if named:
            return _issuer(ctx, named[-1].group().lower(), offset)
    return None


def _body_subject_before(
    ctx: _Context, sentence: Sentence, last: _Statement | None
) -> _Speaker | None:
    """ "The channel Kaspiysky Dozor took the opposite line. On Wednesday it wrote ...": a
    medium or institution opening the sentence before, when no statement came between."""
    if sentence.sentence_id == 0:
        return None
    before = ctx.article.sentences[sentence.sentence_id - 1]
    if last is not None and last.cue_end >= before.start:
        return None
    flat = ctx.article.flat
    lead = _LEADING_NOUN_PHRASE_RE.match(flat, before.start, before.end)
    if lead is None:
        # "The Kremlin's account of the call mentioned neither. It said only ...": the body
        # whose account or version opens the sentence
        account = _BODYS_ACCOUNT_RE.match(flat, before.start, before.end)
        if account is None:
            return None
        lead = account
    found = _speaker_from_phrase(ctx, lead.group("body"), lead.start("body"))
    return found if found is not None and found.type in ("media", "institution") else None


def _plural_subject_before(
    ctx: _Context, sentence: Sentence, last: _Statement | None
) -> _Speaker | None:
    """ "Lawmakers from all four factions spoke in favour. They said ...": the plural subject
    of the sentence before, when no statement came between."""
    if sentence.sentence_id == 0:
        return None
    before = ctx.article.sentences[sentence.sentence_id - 1]
    plural = _PLURAL_SUBJECT_RE.match(ctx.article.flat, before.start, before.end)
    if plural is None or (last is not None and last.cue_end >= before.start):
        return None
    phrase = plural.group(1)
    return _Speaker(
        name=phrase,
        country=country_of(phrase),
        role=_role_words(phrase),
        type="anonymous",
        surface=phrase,
        offset=plural.start(1),
    )


def _person_pronoun(
    ctx: _Context,
    pronoun: str,
    offset: int,
    sentence: Sentence | None,
    last: _Statement | None,
) -> _Speaker | None:
    """Who "he" or "she" is, nearest first: a person named since the last statement in this
    paragraph; the subject of the paragraph before; an unnamed person introduced since the
    last statement; the last speaker; the last speaker of the pronoun's gender; the last
    person named."""
    paragraph = ctx.paragraph_of.get(sentence.sentence_id, -1) if sentence else -1
    paragraph_start = _paragraph_start(ctx, paragraph, offset)
    entry = _entry_at(ctx, paragraph) if ctx.entries else None
    if entry is not None and (
        last is None or last.paragraph <= entry[0] or last.speaker.name == entry[1].name
    ):
        return _copy(entry[1])  # in a "What they said" box: the entry's speaker
    # "she" is not someone the text marks as a man, "he" not a woman (a text with no "she"
    # or "her" is not read for women)
    other = {"she": "m", "he": "f"}.get(pronoun)
    if other == "f" and not ctx.mentions_women():
        other = None
    persons = _persons_named_since(ctx, offset, paragraph_start, sentence, last)
    if other:
        persons = [p for p in persons if _gender(ctx, p) != other]
    if persons:
        return _subject_rather_than_object(ctx, persons, sentence)
    if last is not None and paragraph > 0 and last.cue_end < paragraph_start:
        subject = _subject_of_paragraph_before(ctx, paragraph, paragraph_start, last, other)
        if subject is not None:
            return subject
    if last is not None and pronoun in ("he", "she"):
        unnamed = _unnamed_person_since(ctx, last.end, offset)
        if unnamed is not None:
            return unnamed
    if (
        last is not None
        and last.speaker.type in ("person", "anonymous")
        and _gender(ctx, last.speaker) != other
    ):
        return _copy(last.speaker)
    if other:
        # the last speaker of this pronoun's gender, within the paragraphs before
        for statement in reversed(ctx.statements):
            if statement.cue_start < offset and paragraph - statement.paragraph > 3:
                break
            if (
                statement.cue_start < offset
                and statement.speaker.type == "person"
                and _gender(ctx, statement.speaker) not in ("", other)
            ):
                return _copy(statement.speaker)
    persons = ctx.persons_before(offset, max(0, offset - 1500))
    if other:
        persons = [p for p in persons if _gender(ctx, p) != other]
    return persons[-1] if persons else (_copy(last.speaker) if last else None)


def _subject_rather_than_object(
    ctx: _Context, persons: list[_Speaker], sentence: Sentence | None
) -> _Speaker:
    """The last person named, unless the sentence naming them (one before the pronoun's)
    opens with someone else: "Bennett spent five hours with Putin. He told his cabinet ...":
    he is Bennett, the subject, not Putin, whom the sentence is about."""
    last = persons[-1]
    named_in = ctx.article.sentence_at(last.offset)
    if named_in is None or named_in is sentence:
        return last
    flat = ctx.article.flat
    for person in persons:
        if named_in.start <= person.offset < last.offset:
            # the words before it, after an opening adverbial ("Last month in Sochi, Prime
            # Minister"), are a title at most
            lead = flat[named_in.start : person.offset].rsplit(",", 1)[-1]
            if not any(word[:1].islower() for word in lead.split()):
                return person
    return last


def _persons_named_since(
    ctx: _Context,
    offset: int,
    paragraph_start: int,
    sentence: Sentence | None,
    last: _Statement | None,
) -> list[_Speaker]:
    """People named in this paragraph since the last statement who could be the pronoun."""
    since = max(paragraph_start, last.cue_end if last else paragraph_start)
    persons = ctx.persons_before(offset, since)
    # and the surname alone of someone named in full before ("... and Aliyev is looking south.
    # “...,” he says")
    named_at = {p.offset for p in persons}
    persons = sorted(
        persons + [p for p in _surnames_alone_in(ctx, since, offset) if p.offset not in named_at],
        key=lambda p: p.offset,
    )
    if last is not None:
        # People inside what the last speaker said are talked about, not the next to talk
        # ('X said Zarif was wrong. "...," he said': he is X).
        persons = [p for p in persons if not last.start <= p.offset < last.end]
    # Nor a person in another's appositive ("X, a senior adviser to President Y, went
    # further. Writing on X, he warned": he is X)
    flat = ctx.article.flat
    persons = [
        p
        for i, p in enumerate(persons)
        if not any(_in_appositive_of(flat, q, p) for q in persons[:i])
    ]
    if sentence is not None:
        # Nor people in a reporter's question ("Asked whether Putin would meet X, he said"),
        # nor the object of a participle whose subject the pronoun is ("Standing beside X, he")
        aside = _ASKED_CLAUSE_RE.search(
            flat, sentence.start, offset
        ) or _FRONTED_PARTICIPLE_RE.match(flat, sentence.start, offset)
        if aside:
            persons = [p for p in persons if not aside.start() <= p.offset < aside.end()]
    return persons


def _in_appositive_of(flat: str, person: _Speaker, other: _Speaker) -> bool:
    """Whether ``other`` is named in the appositive right after ``person`` ("Omid Karimi, a
    senior adviser to President Hassan Rouhani,")."""
    between = flat[person.offset + len(person.surface) : other.offset]
    aside = between.removeprefix(",").strip()
    return (
        between.startswith(",")
        and not any(mark in aside for mark in ",;.")
        and bool(_APPOSITIVE_RE.match(aside) or _POSSESSIVE_APPOSITIVE_RE.match(aside))
    )


def _subject_of_paragraph_before(
    ctx: _Context, paragraph: int, paragraph_start: int, last: _Statement, other: str | None
) -> _Speaker | None:
    """A paragraph that introduced someone after the last statement ("X, a professor at Y,
    struck a more cautious note."), then '"...," she said': that person, when a sentence of
    that paragraph opens with them."""
    before = _paragraph_start(ctx, paragraph - 1, paragraph_start)
    for person in ctx.persons_before(paragraph_start, max(before, last.end)):
        opening = ctx.article.sentence_at(person.offset)
        # (after an opening adverbial: "Standing a few metres away, Amir Hosseini ...")
        lead = "-"
        if opening is not None:
            lead = ctx.article.flat[opening.start : person.offset].rsplit(",", 1)[-1]
        if not any(word[:1].islower() for word in lead.split()) and (_gender(ctx, person) != other):
            return person  # the subject of its sentence, not someone talked about
    return None


def _unnamed_person_since(ctx: _Context, since: int, offset: int) -> _Speaker | None:
    """An unnamed person introduced since the last statement and no one named after ("When I
    put the question to a Russian diplomat in Vienna, he shrugged. ¶ '...,' he said")."""
    flat = ctx.article.flat
    unnamed = None
    for found in _INDEFINITE_PERSON_RE.finditer(flat, since, offset):
        before = flat[max(0, found.start() - 3) : found.start()]
        # (not an appositive: "Hamid Rezazadeh, a member of ...", nor a capacity: "as a legal
        # adviser ..., she told")
        if not before.strip().endswith(",") and before != "as ":
            unnamed = found
    if unnamed is None or ctx.persons_before(offset, unnamed.end()):
        return None
    phrase = unnamed.group()
    return _Speaker(
        name=_INDEFINITE_START_RE.sub("", phrase).strip(),
        country=country_of(phrase),
        role=_role_words(phrase),
        type="anonymous",
        surface=phrase,
        offset=unnamed.start(),
    )


def _gender(ctx: _Context, person: _Speaker) -> str:
    """ "f" or "m" when the text marks a person's gender, else "": an honorific before the
    surname ("Ms Lindqvist", "Mr Ruiz"), a gendered title next to the name ("the ministry
    spokeswoman"), or a Slavic surname's ending ("Petrova", "Zakharova"; "Ryabkov")."""
    words = person.name.split()
    if not words or person.type != "person":
        return ""
    surname = words[-1]
    if ctx.genders is None:
        ctx.genders = _gender_marks(ctx.article.flat)
    found = ctx.genders.get(surname)
    if found is None:
        found = "f" if _FEMALE_SURNAME_RE.search(surname) else ""
        found = found or ("m" if _MALE_SURNAME_RE.search(surname) else "")
    return found


def _gender_marks(flat: str) -> dict[str, str]:
    """Surname -> "f" | "m" for the people the text marks: after an honorific, or the nearest
    name to a gendered title within 40 characters ("spokeswoman Anna Petrova", "Anna Petrova,
    the ministry spokeswoman")."""
    marks: dict[str, str] = {}
    for honorific in _HONORIFIC_RE_ANYWHERE.finditer(flat):  # (a literal start: fast to scan)
        marks.setdefault(honorific.group(2), "m" if honorific.group(1) == "r" else "f")
    at = flat.find("man")
    while at >= 0:
        title = _GENDERED_TITLE_BEFORE_RE.search(flat, max(0, at - 14), at + 3)
        if title is not None and not flat[at + 3 : at + 4].isalpha():
            name = _NAME_RUN_RE.match(flat, at + 4, at + 44)
            if name is None:
                runs = list(_NAME_RUN_RE.finditer(flat, max(0, title.start() - 40), title.start()))
                name = runs[-1] if runs else None
            if name is not None:
                marks.setdefault(name.group().split()[-1], "f" if title.group(1) else "m")
        at = flat.find("man", at + 3)
    return marks


_HONORIFIC_RE_ANYWHERE = re.compile(
    r"M(rs?|s|iss|adam)\b\.?\s+(?:[A-Z][\w’'-]*\s+)?([A-Z][\w’'-]+)\b"
)
_GENDERED_TITLE_BEFORE_RE = re.compile(
    r"\b(?:spokes|chair|congress|business|anchor|states)(wo)?man$"
)
_FEMININE_RE = re.compile(r"she|hers?(?=.)")  # a literal start: fast; word edges checked apart
_FEMALE_SURNAME_RE = re.compile(r"(?:ova|eva|yova|ina|aya|skaya)$")
_MALE_SURNAME_RE = re.compile(r"(?:ov|ev|yov|sky|skiy|skii)$")


def _paragraph_start(ctx: _Context, paragraph: int, offset: int) -> int:
    spans = ctx.paragraphs
    if 0 <= paragraph < len(spans):
        return spans[paragraph][0]
    return max(0, offset - 400)


def _copy(speaker: _Speaker) -> _Speaker:
    return _Speaker(
        speaker.name,
        speaker.actor_id,
        speaker.country,
        speaker.role,
        speaker.type,
        speaker.surface,
        speaker.offset,
    )


_DESCRIPTION_RE = re.compile(
    r"^(?:the|this|these|that|those|his|her|its|their)\s+(?P<rest>.+)$", re.IGNORECASE
)


def _resolve_description(ctx: _Context, phrase: str, start: int) -> _Speaker | None:
    """'the paper', 'these sources', 'the Russian ambassador', 'his Iranian counterpart'."""
    match = _DESCRIPTION_RE.match(phrase)
    if not match:
        return None
    rest = match.group("rest")
    if len(rest.split()) > 4:
        return None
    if match.group(0)[:3].lower() in ("his", "her") and rest.lower() == "office":
        # "His office said": the person's office speaks for them
        return _resolve_pronoun(ctx, "he" if phrase[:3].lower() == "his" else "she", start)
    document = _DOCUMENT_NOUN_RE.search(rest)
    if document and not _DOCUMENT_ADJECTIVES_RE.sub("", rest[: document.start()]):
        # "the statement", "the same statement", "the official readout"
        return _issuer(ctx, document.group().lower(), start)
    country = country_of(rest)
    if (
        not country
        and rest[:1].isupper()
        and not (_ROLE_NOUN_RE.match(rest) or _INSTITUTION_NOUN_RE.match(rest))
    ):
        # "the Greek Foreign Ministry" (Greece unlisted): someone new, unless a person was named
        # with that title before ("the Greek minister" after "Greek Minister Nikos Kostas")
        words = rest.split()
        return _named_with_title(ctx, words[-1].lower(), "", start, adjective=words[0])
    nouns = [w.lower() for w in _LATIN_WORD_RE.findall(rest)]
    head = nouns[-1] if nouns else ""
    if not country and _MEDIA_NOUN_RE.fullmatch(rest):
        # "The IRGC-affiliated daily Javan took a similar line. ..., the paper said": the
        # medium the sentence before opens with, though no statement of its own named it
        sentence = ctx.article.sentence_at(start)
        opening = (
            _body_subject_before(ctx, sentence, _statement_before(ctx, start)) if sentence else None
        )
        if opening is not None and opening.type == "media":
            return opening
    published = ctx.article.published
    if head == "counterpart" and country:
        # "his Iranian counterpart": the same office, held in the other country
        for mention in reversed(
            [m for m in ctx.mentions if m.start < start and m.type == "person"]
        ):
            if mention.country and mention.country != country and mention.role:
                demonym = rest.split()[0]
                actor = resolve_title(f"{demonym} {mention.role}", published)
                if actor is not None:
                    return _from_actor(actor, phrase, start, "person")
                break
        return None
    actor = resolve_title(rest, published)
    if actor is not None:
        return _from_actor(actor, phrase, start)
    is_media = bool(_MEDIA_NOUN_RE.search(head))
    is_anonymous = bool(_ANONYMOUS_NOUN_RE.fullmatch(head))
    for speaker, kind in _earlier_speakers(ctx, start):
        if country and speaker.country and speaker.country != country:
            continue
        if (is_media and kind == "media") or (is_anonymous and kind == "anonymous"):
            return _as_speaker(speaker)
        if head and not is_media and kind in ("person", "anonymous", "institution"):
            role = speaker.role
            if not role and kind == "person" and isinstance(speaker, _Speaker):
                role = _title_before_name(ctx, speaker.name)  # "Foreign Secretary David Lammy"
                if country and speaker.country == "" and country_of(role) not in ("", country):
                    continue  # "the Russian minister" is not "Iranian Minister X"
            said_of = _lower_words(role + " " + speaker.surface)
            # (with its synonyms: "the Russian envoy" after "Russia's ambassador X"; a generic
            # "the diplomat" is whoever the text introduced with that word, below)
            heads = {head} if head in _GENERIC_ROLE_NOUNS else _ROLE_SYNONYMS.get(head, {head})
            named_so = not said_of.isdisjoint(heads)
            if named_so and (kind != "institution" or _same_kind_of_body(rest, said_of)):
                return _as_speaker(speaker)
    if head in _GENERIC_ROLE_NOUNS and not country:
        generic = _generic_antecedent(ctx, head, start)
        if generic is not None:
            return generic
    return _named_with_title(ctx, head, country, start)


def _same_kind_of_body(description: str, said_of: frozenset[str]) -> bool:
    """Whether the capitalised words of a description ("Foreign Ministry") other than country
    words are all said of an earlier institution: "the Foreign Ministry" is not the "Defence
    Ministry" named before, "the ministry" may be."""
    return all(
        word.lower() in said_of or country_of(word)
        for word in _LATIN_WORD_RE.findall(description)
        if word[:1].isupper()
    )


def _named_with_title(
    ctx: _Context, head: str, country: str, start: int, *, adjective: str = ""
) -> _Speaker | None:
    """An unlisted person the text named before with that title: "the Greek minister" after
    "Greek Transport Minister Nikos Kostas", "the envoy" after "Ambassador Petros Alexiou"
    (``role_synonyms``), nearest first. An ``adjective`` of an unlisted country must be in the
    title too."""
    if not head or head not in _ROLE_WORDS:
        return None
    heads = _ROLE_SYNONYMS.get(head, {head})
    flat = ctx.article.flat
    for run_start, name in reversed(ctx.full_names()):
        if run_start >= start:
            continue
        at = flat.index(name, run_start)
        # from just before the capitalised run the name ends ("Greek Transport Minister"), not
        # from the name before it ("Nikos Kostas and his Italian counterpart Marco Bianchi")
        title = _title_before(ctx, at, max(run_start - 30, at - 60))
        # a list's "Dame Ann Hope (Chair); Lord Reed": the role in brackets after the name
        bracketed = _BRACKETED_ROLE_RE.match(flat, at + len(name))
        if bracketed is not None and not adjective:
            title = bracketed.group("role")
        if heads.isdisjoint(_lower_words(title)) or adjective not in title:
            continue
        its_country = country_of(title)
        if country and its_country and its_country != country:
            continue
        return _Speaker(
            name=name,
            country=its_country,
            role=_role_words(title),
            type="person",
            surface=name,
            offset=at,
        )
    return None


_BRACKETED_ROLE_RE = re.compile(r"\s*\((?P<role>[^()]{1,40})\)")


def _generic_antecedent(ctx: _Context, head: str, start: int) -> _Speaker | None:
    """Who "the official" / "the diplomat" is when no earlier speaker has that word: the one
    the text introduced with it ("A senior Western diplomat described ..."), else the person who
    spoke last, if within the two paragraphs before."""
    flat = ctx.article.flat
    last = next(
        (s for s in reversed(ctx.statements) if s.cue_start < start and s.speaker.type == "person"),
        None,
    )
    window = max(0, start - 1500)
    introduced = None
    for found in re.finditer(
        rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b", flat[window:start]
    ):
        introduced = found
    if introduced is not None and (last is None or window + introduced.start() > last.cue_start):
        phrase = introduced.group()
        return _Speaker(
            name=_LEADING_DETERMINER_RE.sub("", phrase).removeprefix("One ").removeprefix("one "),
            country=country_of(phrase),
            role=head,
            type="anonymous",
            surface=phrase,
            offset=window + introduced.start(),
        )
    here = ctx.article.sentence_at(start)
    paragraph = ctx.paragraph_of.get(here.sentence_id, -1) if here else -1
    if last is not None and paragraph - last.paragraph <= 2:
        return _copy(last.speaker)
    return None


def _issuer(ctx: _Context, noun: str, start: int) -> _Speaker | None:
    """Who issued "the statement": the nearest earlier statement's speaker, when the sentence of
    its attribution names that kind of document ("said in a statement"); else who stands first
    in the nearest sentence before that names the document ("X issued a communique")."""
    flat = ctx.article.flat
    for statement in reversed(ctx.statements):
        if statement.cue_start >= start or _DOCUMENT_NOUN_RE.search(statement.speaker.name):
            continue
        sentence = ctx.article.sentence_at(statement.cue_start)
        if sentence and noun in flat[sentence.start : sentence.end].lower():
            return _copy(statement.speaker)
    # "The Arab League council ... issued a communique. ..., the communique said": who stands
    # before the document's first mention in the sentences just before
    here = ctx.article.sentence_at(start)
    first = here.sentence_id if here else 0
    for back in range(first, max(-1, first - 4), -1):
        sentence = ctx.article.sentences[back]
        found = re.search(re.escape(noun), flat[sentence.start : min(sentence.end, start)], re.I)
        if found is None:
            continue
        at = sentence.start + found.start()  # (a search, not lower(): offsets stay the text's)
        lead = _LEADING_NOUN_PHRASE_RE.match(flat, sentence.start, at)
        if lead is not None:
            # "The Turkish foreign ministry has just posted a statement"
            body = _speaker_from_phrase(ctx, lead.group("body"), lead.start("body"))
            if body is not None:
                return body
        issuers = [m for m in ctx.mentions_in(sentence.start, at) if m.type in _ISSUER_TYPES]
        run = _NAME_RUN_RE.search(flat, sentence.start, at)
        if run and (not issuers or run.start() < issuers[0].start):
            # an unlisted body named first ("The Gulf Cooperation Council, meeting in Riyadh,")
            named = _speaker_from_phrase(ctx, run.group(), run.start())
            if named is not None:
                return named
        if issuers:
            return _from_mention(issuers[0])
    return None


_ISSUER_TYPES = frozenset({"institution", "group", "person", "media", "country"})


def _earlier_speakers(ctx: _Context, start: int) -> Iterator[tuple[_Speaker | ActorMention, str]]:
    """(candidate, speaker type) for earlier statements' speakers and actors mentioned before
    ``start``, nearest first.

    The order of a stable sort by offset of [statement speakers..., mentions...], reversed
    (at equal offsets a mention comes first), produced lazily: the search usually stops after a
    few candidates, so no speaker object is built for the others (``_as_speaker`` builds the
    one chosen).
    """
    stated = sorted(
        (s.speaker for s in ctx.statements if s.cue_start < start), key=lambda s: s.offset
    )
    mentions = ctx.mentions
    i, j = len(stated) - 1, bisect_left(ctx.mention_starts, start) - 1
    while i >= 0 or j >= 0:
        if j >= 0 and (i < 0 or mentions[j].start >= stated[i].offset):
            mention = mentions[j]
            yield mention, _MENTION_SPEAKER_TYPE.get(mention.type, mention.type)
            j -= 1
        else:
            yield stated[i], stated[i].type
            i -= 1


def _as_speaker(candidate: _Speaker | ActorMention) -> _Speaker:
    """A new speaker for a candidate of ``_earlier_speakers``."""
    if isinstance(candidate, ActorMention):
        return _from_mention(candidate)
    return _copy(candidate)


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> frozenset[str]:
    """The lower-case words of a speaker's role and surface ("Foreign Minister Lavrov")."""
    return frozenset(_LOWER_WORD_RE.findall(text.lower()))


# --- cues --------------------------------------------------------------------------------------


def _clause_left(
    ctx: _Context, sentence_start: int, cue_start: int, inside: _Quote | None = None
) -> int:
    """Where the subject of a cue can start: after the last quote or statement in the sentence
    (``inside``: a quote that is part of the subject, such as a book's title)."""
    left = sentence_start
    for quote in ctx.quotes:
        if sentence_start <= quote.end <= cue_start and quote is not inside:
            left = max(left, quote.end)
    for statement in ctx.statements:
        if sentence_start <= statement.end <= cue_start:
            left = max(left, statement.end)
    return left


def _subject_before(ctx: _Context, left: int, cue_start: int) -> _Speaker | None:
    """The speaker named just before a cue, walking comma-separated segments right to left."""
    flat = ctx.article.flat
    text = flat[left:cue_start]
    # A comma inside a quoted title ("author of “Cold Neighbours: A History,”") breaks nothing.
    bounds = (
        [left]
        + [
            left + m.end()
            for m in _SEGMENT_BREAK_RE.finditer(text)
            if not ctx.quote_around(left + m.start())
            # nor one inside brackets: "The Rybar channel (@rybar, 1.3 million subscribers)"
            and text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
        ]
        + [cue_start]
    )
    for i in range(len(bounds) - 2, -1, -1):
        seg_start, seg_end = bounds[i], bounds[i + 1]
        segment = flat[seg_start:seg_end].strip(" ,;—–")
        if not segment:
            continue
        if _WHO_RE.match(segment):
            # "Levan Dzhagaryan, who in an interview ... highlighted": the antecedent speaks
            if i == 0:
                return None
            prev_start, prev_end = bounds[i - 1], bounds[i]
            antecedent_text = flat[prev_start:prev_end].strip(" ,;—–")
            described = None
            if i > 1 and _is_role_appositive(ctx, antecedent_text, prev_start, prev_end):
                # "X, deputy chief of Volganeft Trading, which ships oil, told": the clause
                # hangs on the appositive's company; the subject is whom the appositive describes
                described = _subject_before(ctx, left, prev_end)
            if described is not None:
                return described
            if segment[:5].lower() == "which":
                # "... but from the Russian Foreign Ministry, which said": the body just before
                closing = [
                    m
                    for m in ctx.mentions_in(prev_start, prev_end)
                    if not flat[m.end : prev_end].strip(" ,")
                ]
                if closing:
                    return _from_mention(closing[-1])
            antecedent = [m for m in ctx.mentions_in(prev_start, prev_end) if m.type == "person"]
            if antecedent:
                return _from_mention(antecedent[-1])
            names = ctx.persons_before(prev_end, prev_start)
            if names:
                return names[-1]
            speaker = _speaker_from_phrase(ctx, flat[prev_start:prev_end], prev_start)
            if speaker is not None and _NOT_NAMED_RE.search(segment):
                speaker.type = "anonymous"
            return speaker
        subordinate = _SUBORDINATOR_RE.match(segment)
        if subordinate:
            rest = segment[subordinate.end() :]
            # "while Western diplomats", "as the ministry", "even as sources"
            if (
                rest[:1].isupper()
                or _LEADING_DETERMINER_RE.match(rest)
                or _ANONYMOUS_NOUN_RE.fullmatch(rest)
            ):
                offset = seg_start + (flat[seg_start:seg_end].find(rest))
                return _speaker_from_phrase(ctx, rest, offset)
            continue
        if i > 0 and _PARTICIPIAL_ASIDE_RE.match(segment):
            # 'A senior official, briefing reporters on condition of anonymity, said': an aside
            continue
        if i > 0 and _is_appositive(ctx, segment, seg_start, seg_end):
            # 'Hossein Jaberi Ansari, a top aide to the Iranian foreign minister, had cautioned';
            # 'Dmitry Medvedev, deputy chairman of Russia's Security Council, wrote'. An indefinite
            # one without a role noun ("X, a long-time critic of Y, said"): when X is all its
            # segment holds.
            with_role = _names_a_role(segment)
            prev_start, prev_end = bounds[i - 1], bounds[i]
            names = ctx.persons_before(prev_end, prev_start) or _surname_alone(
                ctx, prev_start, prev_end
            )
            if names and _name_closes(flat, names[-1], prev_end):
                # the name alone, or after its title ("Committee chairman Jack Reed")
                title = flat[prev_start : names[-1].offset].strip(" ,;—–").split()
                bare = all(w[:1].isupper() or w.lower() in _ROLE_WORDS for w in title)
                if with_role or (bare and segment.startswith(("a ", "an "))):
                    return names[-1]
        cleaned = _strip_trailing_noise(" " + segment).strip()
        if not cleaned:
            continue
        # set off by commas after the subject, it closes on no subject of its own: "Daniel
        # Okoro KC, for Parsian, told"
        aside = i > 0 and flat[seg_start:seg_end].rstrip().endswith(",")
        if _ADVERBIAL_SEGMENT_RE.match(cleaned) and (aside or not _ends_with_subject(cleaned)):
            # "At the ceremony Vladimir Putin said": a listed person closing the adverbial
            closing = [
                m
                for m in ctx.mentions_in(seg_start, seg_end)
                if m.type == "person" and not flat[m.end : seg_end].strip(" ,")
            ]
            if closing:
                return _from_mention(closing[-1])
            # "In the same post she claimed", "On Wednesday it wrote": a pronoun closing it
            pronoun = _LAST_WORD_RE.search(cleaned)
            if pronoun and _SUBJECT_PRONOUN_RE.fullmatch(pronoun.group()):
                at = seg_start + flat[seg_start:seg_end].rfind(pronoun.group())
                return _speaker_from_phrase(ctx, pronoun.group(), at)
            continue
        return _speaker_from_phrase(ctx, flat[seg_start:seg_end], seg_start)
    return None


def _leading_subject(ctx: _Context, s_start: int, cue_start: int) -> _Speaker | None:
    """The subject opening a sentence whose cue is a participle ("The Chair opened the hearing
    by saying"), when it is a description rather than a name."""
    subject = _LEADING_SUBJECT_RE.match(ctx.article.flat, s_start, cue_start)
    if subject is None:
        return None
    return _speaker_from_phrase(ctx, subject.group("subject"), subject.start("subject"))


def _is_appositive(ctx: _Context, segment: str, start: int, end: int) -> bool:
    """Whether a comma segment after a subject describes it ("a top aide to ...", "deputy
    chairman of Russia's Security Council", "Special Envoy of the Secretary-General")."""
    return bool(
        (
            _LOWER_APPOSITIVE_RE.match(segment)
            or _APPOSITIVE_RE.match(segment)
            or _POSSESSIVE_APPOSITIVE_RE.match(segment)
            or _TITLE_APPOSITIVE_RE.match(segment)
        )
        # not a title that goes on to a name: the subject ("Kremlin spokesman Dmitry
        # Peskov", "columnist Oleg Tikhomirov"; not "adviser to President Ilham Aliyev")
        and not _title_then_name(ctx, segment, start, end)
    )


def _names_a_role(segment: str) -> bool:
    """Whether an appositive gives a role ("a top aide", "the subcommittee's ranking
    Republican", "deputy chief executive of ..."), not just a description."""
    return bool(
        _APPOSITIVE_RE.match(segment)
        or _THE_POSSESSIVE_RE.match(segment)
        or _ROLE_NOUN_RE.search(_strip_trailing_noise(" " + segment))
    )


def _is_role_appositive(ctx: _Context, segment: str, start: int, end: int) -> bool:
    return _is_appositive(ctx, segment, start, end) and _names_a_role(segment)


def _title_then_name(ctx: _Context, segment: str, start: int, end: int) -> bool:
    """Whether a comma segment is a title leading straight into a name, with no article and
    no preposition between ("columnist Oleg Tikhomirov", "Kremlin spokesman Dmitry Peskov")."""
    if _LEADING_DETERMINER_RE.match(segment):
        return False
    names = ctx.persons_before(end, start)
    flat = ctx.article.flat
    return bool(names) and not _TITLE_PREPOSITION_RE.search(flat, start, names[-1].offset)


def _surnames_alone_in(ctx: _Context, start: int, end: int) -> list[_Speaker]:
    """Every single capitalised word in [start, end) that is the surname alone of someone the
    text named in full before it (not a word of a longer capitalised run)."""
    flat = ctx.article.flat
    found = []
    for word in _SURNAME_RE.finditer(flat, start, end):
        at, after = word.start(), word.end()
        previous = flat[max(0, at - 30) : at].split()[-1:]
        in_a_run = bool(previous) and previous[0][:1].isupper() and previous[0][-1] not in ".!?"
        if (
            in_a_run
            or previous in (["the"], ["The"], ["a"], ["an"])  # "the Caspian states"
            or (at > 0 and not flat[at - 1].isspace())  # inside a word: "al-Assad"
            or _NEXT_CAPITALISED_RE.match(flat, after)
            or ctx.quote_around(at)
        ):
            continue
        named = _surname_alone(ctx, at, after)
        sentence = ctx.article.sentence_at(at) if named else None
        # (nor someone in a participle opening the sentence: "Pressed by Donnelly, he was blunt")
        fronted = sentence and _FRONTED_PARTICIPLE_RE.match(flat, sentence.start, sentence.end)
        if not (fronted and fronted.start() <= at < fronted.end()):
            found += named
    return found


_NEXT_CAPITALISED_RE = re.compile(rf"[’'\w-]|\s[{_UPPER}]")


def _surname_alone(ctx: _Context, start: int, end: int) -> list[_Speaker]:
    """A segment that is the surname alone of someone the text named in full before
    ("Hosseinzadeh," after "Leila Hosseinzadeh"): that person."""
    flat = ctx.article.flat
    word = flat[start:end].strip(" ,;—–")
    if not _SURNAME_RE.fullmatch(word) or ctx.mentions_in(start, end):
        return []
    full = ctx.full_name_before(word, start)
    if full is None:
        return []
    return [_Speaker(name=full, type="person", surface=word, offset=flat.index(word, start))]


def _name_closes(flat: str, name: _Speaker, end: int) -> bool:
    """Whether ``name`` ends its segment (a party tag or a home after it aside: "X (R-Neb.),",
    "Senator X of Kansas,")."""
    between = _PARENTHETICAL_RE.sub("", flat[name.offset + len(name.surface) : end])
    return not _HOME_AFTER_NAME_RE.sub("", between.rstrip(" ,")).strip(" ,")


def _ends_with_subject(segment: str) -> bool:
    """'On Thursday, Putin' is adverbial then subject; 'when asked if ...' has none."""
    words = segment.split()
    last = words[-1] if words else ""
    if words and words[0].lower() in ("but", "and", "yet") and len(words) > 1:
        # "But Rear Admiral Henrik Dahl": a conjunction, then a name of capitalised words; "But
        # an Iranian official", "And the ministry": or a noun phrase of a few words
        rest = " ".join(words[1:])
        return all(w[:1].isupper() for w in words[1:]) or bool(
            len(words) <= 5
            and (_LEADING_DETERMINER_RE.match(rest) or _QUANTIFIER_RE.match(rest))
            and not _ADVERBIAL_SEGMENT_RE.match(rest)  # "And this week the minister"
        )
    # "Tammy Bruce, the spokeswoman, on Friday rejected": a day or month is no subject
    return bool(last[:1].isupper()) and len(words) <= 3 and last not in _CALENDAR_WORDS


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_CALENDAR_WORDS = frozenset(_WEEKDAYS + _MONTHS)
# A day right after a speech verb, before what was said: "said (on) Tuesday the ...", "said
# yesterday ..."; not a day that is the subject of what follows ("said Tuesday was").
_LEADING_DAY_RE = re.compile(
    rf"\s*(?:on\s+)?(?:{'|'.join(_WEEKDAYS)}|yesterday|today)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s+(?:was|is|will|would|had|has)\b)"
)


_WRITES_IN_RE = re.compile(rf"\s+in\s+(?=(?:the\s+)?[{_UPPER}])")


def _speaker_after(ctx: _Context, start: int, limit: int) -> tuple[_Speaker | None, int]:
    """Inverted attribution: '“...,” said Hanna Notte, a Berlin-based expert.'"""
    flat = ctx.article.flat
    match = _INVERTED_PHRASE_RE.match(flat[start:limit])
    if not match:
        return None, start
    phrase_start = start + match.start(1)
    # '“...,” writes Daniel Hartmann in Foreign Affairs': where a named person writes is no part
    # of him ("a trader at a refinery in Shandong" keeps its place)
    phrase = match.group(1)
    name = _WRITES_IN_RE.split(phrase, maxsplit=1)[0]
    if name != phrase and _NAME_RUN_RE.fullmatch(name.strip()):
        phrase = name
    return _speaker_from_phrase(ctx, phrase, phrase_start), start + match.end(1)


# "said Moscow's caution reflected a calculation that ...": a subject and its verb between the
# cue and "that" make that "that" a relative pronoun inside the reported clause, which starts at
# the subject ("said on Monday that", "said in a statement issued on Tuesday that" do not).
_CLAUSE_BEFORE_THAT_RE = re.compile(
    r"\s*(?:[A-Z][\w’'-]*(?:['’]s)?|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:[a-z]{3,}ed|is|was|are|were|has|had|would|will|could|can|must)\b"
)


def _content_right(
    ctx: _Context, after: int, sentence_end: int, paragraph_end: int, *, object_first: bool = False
) -> tuple[int, int, list[_Quote]] | None:
    """Content after a cue: 'said that X', 'told CNN that X', 'said, “X”', 'said X', and with
    ``object_first`` (tell) 'told reporters X'."""
    flat = ctx.article.flat
    if object_first and _THAT_WORD_RE.search(flat, after, sentence_end) is None:
        told = _TOLD_OBJECT_RE.match(flat, after, sentence_end)
        if told is not None:
            after = told.end()
    window = flat[after:sentence_end]
    if _WHETHER_START_RE.match(window.lstrip()):
        return None  # "said nothing about Russia", "said whether": nothing said
    quote_at = None
    # Skip an object and adverbials ("told the Iranian press", "said in a Jan. 23 briefing").
    that = _THAT_WORD_RE.search(window)
    quote_first = _QUOTE_FIRST_RE.match(window)
    if quote_first is not None and (that is None or quote_first.end() <= that.start()):
        content_start = after + quote_first.end()
        if quote_first.group().split() and not _COLON_COMMA_END_RE.search(quote_first.group()):
            # 'said Tehran had "lost patience"': the quote is inside a reported clause
            content_start = after
    elif (
        that is not None
        and len(window[: that.start()].split()) <= 12
        and not _CLAUSE_BEFORE_THAT_RE.match(window, 0, that.start())
    ):
        content_start = after + that.end()
    else:
        content_start = after
        # "said Tuesday the centre would open": the day says when, not what
        when = _LEADING_DAY_RE.match(flat, content_start, sentence_end)
        if when is not None:
            content_start = when.end()
    while content_start < sentence_end and flat[content_start] in " ,:":
        content_start += 1
    quote_at = ctx.quote_around(content_start)
    end = sentence_end
    if quote_at is not None and quote_at.start == content_start:
        end = max(end, quote_at.end)
    subordinate = _in_leading_subordinate(ctx, after)
    # A following participle cue (", adding that ...", ", calling ...") starts a new statement.
    for match in ctx.verbs(content_start, end):
        if ctx.quote_around(match.start()):
            continue
        comma = flat.rfind(",", content_start, match.start())
        clause = flat[comma + 1 : match.start()]
        joined = _JOINING_WORD_RE.match(clause)
        if (
            comma > content_start
            and (
                subordinate
                and _is_subject(clause)
                # "called for restraint, while the representative of China said ...": Y's own
                or joined is not None
                and _is_subject(clause[joined.end() :])
                # (a pronoun after "and" is read below, with the words it may not open)
                and not _PRONOUN_RE.match(clause[joined.end() :].strip())
            )
        ):
            # "A day after X announced that ..., Y said ...": the main clause is Y's
            end = comma
            break
        before = flat[max(content_start, match.start() - 12) : match.start()]
        if match.group().lower() in _PARTICIPLES and _PARTICIPLE_AFTER_COMMA_RE.search(before):
            end = match.start()
            break
        if _CONJ_PRONOUN_END_RE.search(before + " ") and match.start() > content_start:
            end = (
                flat.rfind(",", content_start, match.start())
                if flat.rfind(",", content_start, match.start()) > content_start
                else match.start()
            )
            break
    end = min(end, paragraph_end) if quote_at is None else end
    while end > content_start and (flat[end - 1].isspace() or flat[end - 1] in ",;:"):
        end -= 1
    if end - content_start < 3 or _WHETHER_START_RE.match(flat, content_start):
        return None  # (a question put, not answered: "Neither leader said whether ...")
    inner = [q for q in ctx.quotes if q.start < end and q.end > content_start]
    return content_start, end, inner


def _in_leading_subordinate(ctx: _Context, cue_end: int) -> bool:
    """Whether the cue ending at ``cue_end`` is in a subordinate clause ("a day after X
    announced", "When the minister said"), which a comma closes before the main clause."""
    flat = ctx.article.flat
    sentence = ctx.article.sentence_at(cue_end)
    start = sentence.start if sentence else 0
    segment_start = max(flat.rfind(mark, start, cue_end) for mark in ",;—–")
    return bool(_SUBORDINATOR_RE.match(flat[max(start, segment_start + 1) : cue_end].strip()))


def _is_subject(segment: str) -> bool:
    """Whether a comma segment is a short subject: "Swedish Foreign Minister Anna Berg", "the
    mayor", "he"."""
    segment = segment.strip()
    return (
        0 < len(segment.split()) <= 6
        and bool(segment[:1].isupper() or _LEADING_DETERMINER_RE.match(segment))
        and not _ADVERBIAL_SEGMENT_RE.match(segment)
    ) or bool(_PRONOUN_RE.fullmatch(segment))


def _kind(ctx: _Context, start: int, end: int, inner: list[_Quote]) -> str:
    if not inner:
        return "indirect"
    # Direct when no letter or digit lies outside the quotes (blanking them out of the span).
    flat = ctx.article.flat
    outside = flat[start:end]
    for quote in inner:  # a quote may begin before the span or end after it: clip it
        a, b = max(quote.start, start) - start, min(quote.end, end) - start
        outside = outside[:a] + " " * (b - a) + outside[b:]
    return "mixed" if _WORD_CHAR_RE.search(outside) else "direct"


def _sentence_bounds(article: Article, offset: int) -> tuple[int, int, int]:
    sentence = article.sentence_at(offset)
    if sentence is None:
        return offset, offset, -1
    return sentence.start, sentence.end, sentence.sentence_id


def _add(
    ctx: _Context,
    *,
    start: int,
    end: int,
    kind: str,
    speaker: _Speaker | None,
    cue: str,
    cue_start: int,
    cue_end: int,
    paragraph: int,
    channel: str = "",
    whole: bool = False,
) -> _Statement | None:
    """Add a statement unless one holds the span already. A direct one holding a single quote
    is that quote's content, unless ``whole`` (a transcript's answer, quotes and all)."""
    if speaker is None or end - start < 3:
        return None
    if any(q_start <= start < q_end for q_start, q_end in ctx.questions):
        return None  # a transcript's question
    for existing in ctx.statements:
        if existing.start < end and start < existing.end:
            return None  # one statement per span: the first (closest) attribution wins
    for quote in ctx.quotes:
        if start <= quote.content_start and quote.content_end <= end + 1:
            quote.claimed = True
    if kind == "direct" and not whole:
        inner = [q for q in ctx.quotes if q.start < end and q.end > start]
        if len(inner) == 1:
            start, end = inner[0].content_start, inner[0].content_end
    added = _Statement(start, end, kind, speaker, cue, cue_start, cue_end, paragraph, channel)
    ctx.statements.append(added)
    ctx.statements.sort(key=lambda s: s.start)
    return added


def _find_cue_statements(ctx: _Context, paragraphs: list[tuple[int, int]]) -> None:
    article = ctx.article
    flat = article.flat
    for sentence in article.sentences:
        paragraph = ctx.paragraph_of[sentence.sentence_id]
        p_start, p_end = paragraphs[paragraph] if paragraph >= 0 else (sentence.start, sentence.end)
        s_start, s_end = sentence.start, sentence.end
        handled: list[tuple[int, int]] = []

        # Cheap tests before the patterns: substrings every match contains.
        if ctx.lower:
            lower, lo, hi = ctx.lower, s_start, s_end
        else:
            lower, lo, hi = flat[s_start:s_end].lower(), 0, s_end - s_start
        quoted_as = (
            _QUOTED_AS_RE.finditer(flat, s_start, s_end)
            if lower.find(" as ", lo, hi) >= 0
            # "quoted", "quoting", "cited", "citing" (IGNORECASE also reads "ı" as "i"; "İ",
            # which lower() makes two characters, leaves ctx.lower empty)
            and (
                not ctx.lower
                or lower.find("quot", lo, hi) >= 0
                or lower.find("cit", lo, hi) >= 0
                or lower.find("cıt", lo, hi) >= 0
            )
            else ()
        )
        for match in quoted_as:
            if ctx.quote_around(match.start()):
                continue
            handled.append((match.start(), match.end()))
            _quoted_as(ctx, match, sentence, paragraph, p_end)

        according = (
            list(_ACCORDING_RE.finditer(flat, s_start, s_end))
            if lower.find("ccording", lo, hi) >= 0
            else []
        )
        verbs = ctx.verbs(s_start, s_end)
        if according:
            # "X told Y that ..., according to a statement": X speaks (the statement relays it),
            # so a speech verb before "according to" is read first and keeps its clause.
            verbs = list(verbs)
            for match in [m for m in verbs if m.end() <= according[0].start()]:
                _cue_unless_handled(ctx, match, handled, sentence, paragraph, p_end)
            verbs = [m for m in verbs if m.end() > according[0].start()]
        for match in according:
            if ctx.quote_around(match.start()):
                continue
            handled.append((match.start(), match.end()))
            _according_to(ctx, match, sentence, paragraph)

        for match in verbs:
            _cue_unless_handled(ctx, match, handled, sentence, paragraph, p_end)


def _cue_unless_handled(
    ctx: _Context,
    match: re.Match[str],
    handled: list[tuple[int, int]],
    sentence,
    paragraph: int,
    p_end: int,
) -> None:
    """``_verb_cue`` for a speech verb not inside a cue read already nor inside a quote."""
    if handled and any(a <= match.start() < b for a, b in handled):
        return
    if ctx.quote_around(match.start()):
        return
    _verb_cue(ctx, match, sentence, paragraph, p_end)


def _last_word(text: str) -> str:
    """The last whitespace-delimited word of ``text`` and the spaces after it.

    A pattern anchored at the end of ``text`` that matches one word (or a mark) and spaces,
    such as ``\\b(?:is|was)\\s+$``, can only match there: searching this tail instead of the
    whole text finds the same (it starts after a space or at the text's start).
    """
    head = text.rstrip()
    if not head:
        return text
    return text[len(head) - len(head.rsplit(None, 1)[-1]) :]


# The most words between a quote and the attribution after it: a name and its appositive
# ('“...,” Parviz Alamdari, a conservative member of parliament's national security committee,
# was quoted as saying')
QUOTE_TO_CUE_WORDS = 12


# "a claim Moscow has previously rejected", "an allegation that Tehran denied"
_SPEECH_NOUN_CLAUSE_RE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:{_word_alternation(_WORDS['speech_nouns'])})\s+(?:that\s+)?"
    r"(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?$"
)
# ", he " / ", the minister ": a subject set off by a comma right before a cue
_COMMA_SUBJECT_END_RE = re.compile(r",\s+(?:[\w’'-]+\s+){1,3}$")
_THAT_NEXT_RE = re.compile(r"\s+that\b")
_QUOTE_OPENS_RE = re.compile(r"\s*[:,]?\s*[“\"«]")


def _beside_a_quote(ctx: _Context, sentence: Sentence, cue_start: int, cue_end: int) -> bool:
    """Whether a quotation closes before a cue in its sentence ("“...,” it reads") or opens
    right after it ("reads: “...”")."""
    if _QUOTE_OPENS_RE.match(ctx.article.flat, cue_end):
        return True
    return any(
        q.closed
        # (the sentence may start after a quote's "?”": '“Where is it now?” she shot back')
        and sentence.start - 1 <= q.end <= cue_start
        and not _SENTENCE_STOP_RE.search(ctx.article.flat, q.end, cue_start)
        for q in ctx.quotes
    )


def _verb_cue(ctx: _Context, match: re.Match[str], sentence, paragraph: int, p_end: int) -> None:
    flat = ctx.article.flat
    form = _SPACES_RE.sub(" ", match.group().lower())
    verb = _VERBS.get(form)
    if verb is None:
        return
    s_start, s_end = sentence.start, sentence.end
    cue_start, cue_end = match.start(), match.end()
    # The word before the cue: the patterns below are anchored at the cue and match there.
    before = _last_word(flat[s_start:cue_start])
    # Passive and nominal uses are not attributions: "is said to", "was reported", "the said".
    if before.rstrip().endswith("ly"):  # "was widely reported": the auxiliary before the adverb
        auxiliary = _last_word(flat[s_start : cue_start - len(before)]) + before
    else:
        auxiliary = before
    if (
        _PASSIVE_AUX_END_RE.search(auxiliary)
        and form not in ("quoted",)
        and not _BY_AFTER_RE.match(flat, cue_end, s_end)
    ):
        return
    went_on_to = _WENT_ON_TO_RE.search(flat, max(s_start, cue_start - 20), cue_start)
    if (
        _MODAL_OR_DETERMINER_END_RE.search(before.lower())
        and form not in _PARTICIPLES
        and went_on_to is None  # "He goes on to complain that": an attribution
    ):
        return
    if _TO_FOR_AFTER_RE.match(flat, cue_end, s_end) and form in ("said", "says", "reported"):
        return  # "is said to have", "reported to"
    if form == "calling" and not _COMMA_END_RE.search(before):
        return
    if verb.get("complement") in ("quote", "aside") and not (
        _beside_a_quote(ctx, sentence, cue_start, cue_end)
        or verb.get("complement") == "aside"
        and (
            _COMMA_SUBJECT_END_RE.search(flat, s_start, cue_start)
            and flat[cue_end : cue_end + 1] == ","
            or _THAT_NEXT_RE.match(flat, cue_end) is not None  # "officials have concluded that"
        )
    ):
        return  # "she reads it more coolly", "the talks went on": not "“...,” it reads"
    if form in _NOUN_LIKE_FORMS and (
        # (after a name, a pronoun, or the comma closing an appositive: "Leonid Slutsky, head
        # of the committee, says")
        not (_NAME_OR_PRONOUN_END_RE.search(before) or before.rstrip().endswith(","))
        or _VERB_AFTER_RE.match(flat, cue_end, s_end)
        # "Only the Caspian states, he said": a determiner makes the capitalised word an adjective
        or _DETERMINED_WORD_END_RE.search(flat, max(s_start, cue_start - 40), cue_start)
    ):
        return  # 'several reports of fighting', 'the five Caspian states met': nouns, not verbs
    if _NEGATED_END_RE.search(before):
        return  # "He did not say whether ...": negated speech says nothing
    if _SPEECH_NOUN_CLAUSE_RE.search(flat, max(s_start, cue_start - 60), cue_start):
        return  # "“...,” a claim Moscow has previously rejected": not a new statement
    if _EARLIER_VERSION_RE.search(flat, s_start, cue_start):
        return  # "Correction: An earlier version of this story said ...": the outlet's own slip
    if flat[s_end - 1 : s_end] == "?" and _QUESTION_START_RE.match(flat, s_start, cue_start):
        return  # "What does it say about the nuclear programme?": a question, not an answer
    unsaid = _UNSAID_QUESTION_RE.search(flat, s_start, cue_start)
    if unsaid and "," not in flat[unsaid.end() : cue_start]:
        # "He did not say whether Israel had warned Moscow": inside the open question nobody
        # warned anyone ("did not say whether ..., telling reporters only that" goes on)
        return

    # 1. '“...,” he said' / '“...,” said X' : the quote just before the attribution.
    prev_quote = None
    for quote in ctx.quotes:
        if quote.end <= cue_start and quote.end >= s_start - 1 and quote.closed:
            prev_quote = quote
    if prev_quote is not None and (
        prev_quote.end <= s_start
        and flat[prev_quote.start : prev_quote.end].rstrip("”\"»’' ").endswith(".")
        # 'In an editorial headlined “A Partner, Not an Ally,” the paper argues': a title
        or _NAMING_WORD_END_RE.search(flat, max(s_start, prev_quote.start - 12), prev_quote.start)
    ):
        # '... were “at the best level.” He conceded, however, that ...': the full stop
        # closed that sentence; the quote is not this one's
        prev_quote = None
    if prev_quote is not None:
        between = flat[prev_quote.end : cue_start]
        gap_words = between.split()
        conjunction = _CONJUNCTION_START_RE.match(between)
        lead = flat[s_start : prev_quote.start]
        if (
            not conjunction
            # 'Speaking on SVT's programme “Hard Talk”, X said': a title inside an opening phrase
            and not (_PARTICIPLE_LEAD_RE.match(lead) and "," not in lead)
            and len(gap_words) <= QUOTE_TO_CUE_WORDS
            # (the full stop of a title is no sentence's end: "Gen. Michael Kurilla said")
            and not _SENTENCE_STOP_RE.search(_TITLE_ABBREVIATION_RE.sub("", between))
            and (
                flat[prev_quote.content_end : prev_quote.end]
                .strip()
                .startswith((",", "”", '"', "»"))
                or flat[prev_quote.content_end - 1] in ",?!"
            )
            and (
                between.strip().startswith(",")
                or _CLOSING_PUNCT_RE.match(flat[prev_quote.end - 2 : prev_quote.end])
                or flat[prev_quote.content_end - 1] in ",?!"
            )
        ):
            if between.strip():
                speaker = _subject_before(ctx, prev_quote.end, cue_start)
            else:
                speaker, _ = _speaker_after(ctx, cue_end, s_end)
            if speaker is None and not between.strip(" ,"):
                speaker, _ = _speaker_after(ctx, cue_end, s_end)
            if speaker is not None and not prev_quote.claimed:
                start, end, kind = prev_quote.content_start, prev_quote.content_end, "direct"
                if (
                    lead.strip()
                    and not lead.rstrip().endswith((",", ":", ";", "—", "–"))
                    and not any(mark in lead for mark in _QUOTE_MARKS)
                    and not any(
                        st.start < prev_quote.start and st.end > s_start for st in ctx.statements
                    )
                ):
                    # 'Turkey will buy jets “within a year,” X told ...': the quote ends a clause
                    # that is what X said (after a dateline such as "ANKARA — ")
                    dateline = _DATELINE_LEAD_RE.match(lead)
                    start = s_start + (
                        dateline.end() if dateline else len(lead) - len(lead.lstrip())
                    )
                    end, kind = prev_quote.end, "mixed"
                _add(
                    ctx,
                    start=start,
                    end=end,
                    kind=kind,
                    speaker=speaker,
                    cue=form,
                    cue_start=cue_start,
                    cue_end=cue_end,
                    paragraph=paragraph,
                    channel=verb.get("channel", ""),
                )
                return

    # 'X, author of “Cold Neighbours,” told ...': with nobody named after the verb, a quote
    # that closes right before it and follows a word is a title inside the subject phrase.
    title = (
        prev_quote
        if prev_quote is not None
        and form not in _PARTICIPLES
        and not flat[prev_quote.end : cue_start].strip(" ,")
        and flat[s_start : prev_quote.start].rstrip()[-1:].isalpha()
        else None
    )
    left = _clause_left(ctx, s_start, cue_start, inside=title)
    is_participle = form in _PARTICIPLES and (
        _COMMA_END_RE.search(before) is not None
        or _QUOTED_COMMA_END_RE.search(before) is not None  # 'had been “unwise,” adding'
        or _COMMA_BEFORE_END_RE.search(flat, max(s_start, cue_start - 12), cue_start) is not None
    )
    if is_participle:
        same_sentence = [s for s in ctx.statements if s_start <= s.cue_start < cue_start]
        speaker = _copy(same_sentence[-1].speaker) if same_sentence else None
        if speaker is None and flat[cue_start:cue_end].isupper():
            # "(SOUNDBITE) (Hebrew) ISRAELI DEFENCE MINISTER, AVIGDOR LIEBERMAN, SAYING:"
            speaker = _soundbite_speaker(ctx, s_start, s_end)
        if speaker is None:
            # "X had struck a similar note, telling ...": the actor or person opening the sentence
            listed = [_from_mention(m) for m in ctx.mentions_in(s_start, cue_start)]
            people = ctx.persons_before(cue_start, s_start)
            # "Kremlin spokesman Dmitry Peskov declined ..., saying": the person, not the
            # institution of the title before the name
            # ("The Kremlin's spokesman, Dmitry Peskov, had made a similar point, telling")
            near = [p for p in people if len(flat[s_start : p.offset].split()) <= 4]
            opening = near or listed or people
            if not opening and flat[s_start:cue_start].strip():
                first_word = flat[s_start:cue_start].split(None, 1)[0]
                opening = _surname_alone(ctx, s_start, s_start + len(first_word))
            if opening and (opening is near or len(flat[s_start : opening[0].offset].split()) <= 2):
                speaker = opening[0]
            elif not opening:
                speaker = _leading_subject(ctx, s_start, cue_start)
    else:
        subject_end = went_on_to.start() if went_on_to is not None else cue_start
        if form in _PARTICIPLES:
            # "The Chair opened the hearing by saying": the subject ends at its verb
            by = _VERB_THEN_BY_RE.search(flat, left, cue_start)
            subject_end = by.start() if by is not None else cue_start
        speaker = _subject_before(ctx, left, subject_end)

    after = flat[cue_end:s_end]
    # 2. Block quote: 'Ryabkov replied:' closing its paragraph, the next paragraph is the quote.
    # ("He told reporters:", "The ministry said in a statement:": a few words before the colon)
    if speaker is not None and (
        _COLON_ONLY_RE.match(after) or _FEW_WORDS_THEN_COLON_RE.match(after)
    ):
        spans = ctx.paragraphs
        if paragraph + 1 < len(spans):
            b_start, b_end = spans[paragraph + 1]
            while b_end > b_start and flat[b_end - 1].isspace():
                b_end -= 1
            _add(
                ctx,
                start=b_start,
                end=b_end,
                kind="direct",
                speaker=speaker,
                cue=form,
                cue_start=cue_start,
                cue_end=cue_end,
                paragraph=paragraph + 1,
                channel=verb.get("channel", ""),
            )
        return

    # 3. Postposed: 'Russia and Iran remain close partners, a senior diplomat said on Wednesday'
    #    and parenthetical 'Russia, the website charged, is only concerned ...'
    tail = after.strip()
    # "told her weekly briefing on Thursday, a day after Iran offered ...": the object ends at
    # the comma before a clause about when
    comma = tail.find(",")
    after_comma = tail[comma + 1 :].lstrip()
    object_tail = (
        tail[: comma + 1]
        # "..., a day after ...", "..., holding up a map": when or how, not what was said
        if comma > 0
        and (_SUBORDINATOR_RE.match(after_comma) or _PARTICIPLE_START_RE.match(after_comma))
        else tail
    )
    left_text = flat[s_start:left].rstrip()
    comma_before_subject = flat.rfind(",", s_start, cue_start)
    if (
        speaker is not None
        and not is_participle
        and comma_before_subject > s_start
        and not _QUOTE_AFTER_COMMA_RE.match(tail)
        and (
            not tail
            or tail[0] in ",."
            or _TIME_ADVERBIAL_RE.match(tail)
            # "..., a source told Kommersant." / "told reporters on Monday."
            or verb.get("lemma") in _OBJECT_FIRST_LEMMAS
            and _OBJECT_ONLY_TAIL_RE.match(object_tail)
        )
        and not _QUOTE_MARK_END_RE.search(_last_word(flat[s_start:comma_before_subject]))
        # '“...,” X said' is the quote's own attribution (above), unless the clause goes on
        # after its quote ('are “not allies” whose interests diverge, X said')
        and not (left_text.endswith(("”", '"')) and not flat[left:comma_before_subject].strip())
    ):
        parenthetical = tail.startswith(",") and len(tail) > 3
        if parenthetical:
            start, end = s_start, s_end
        else:
            start, end = s_start, comma_before_subject
        dateline = _DATELINE_LEAD_RE.match(flat[start:end])
        if dateline:
            start += dateline.end()  # "MOSCOW, Oct 2 — Russia sees no need ..., X told"
        while end > start and flat[end - 1] in " ,.;":
            end -= 1
        inner = [q for q in ctx.quotes if q.start < end and q.end > start]
        _add(
            ctx,
            start=start,
            end=end,
            kind=_kind(ctx, start, end, inner),
            speaker=speaker,
            cue=form,
            cue_start=cue_start,
            cue_end=cue_end,
            paragraph=paragraph,
            channel=verb.get("channel", ""),
        )
        return

    if speaker is None and ctx.entries and not flat[s_start:cue_start].strip():
        # "Said the treaty would ...": in a "What they said" box, the entry's speaker
        entry = _entry_at(ctx, paragraph)
        speaker = _copy(entry[1]) if entry is not None else None
    if speaker is None:
        # '“...” said Hanna Notte' already handled; 'said X' with no subject: inverted order.
        return
    # 4. Content after the cue.
    object_first = verb.get("lemma") in _OBJECT_FIRST_LEMMAS
    after_cue = cue_end
    if form == "called":
        # 'called the railway “the most important project”': the quoted words are what was
        # said (not "so-called", "a group called X", "called off")
        named = _CALLED_QUOTE_RE.match(flat, cue_end, s_end)
        if named is None or flat[cue_start - 1 : cue_start] == "-":
            return
        after_cue = named.end() - 1
    elif verb.get("lemma") == "describe":
        # "described the cut as “a precautionary measure”": what was said is the description
        described_as = _DESCRIBED_AS_RE.search(flat, cue_end, s_end)
        if described_as is None:
            return
        after_cue = described_as.end()
    content = _content_right(ctx, after_cue, s_end, p_end, object_first=object_first)
    if content is None:
        return
    start, end, inner = content
    if verb.get("complement") == "object":
        # "rejected those concerns at her weekly briefing on Wednesday": the occasion is not
        # part of what was rejected (and its day dates the statement)
        occasion = _TRAILING_OCCASION_RE.search(flat, start, end)
        if (
            occasion is not None
            and occasion.start() > start
            # (not when the object goes on: "accused Russia on Tuesday of treating Iran as")
            and not _OBJECT_GOES_ON_RE.match(flat, occasion.end(), end)
        ):
            end = occasion.start()
            inner = [q for q in inner if q.start < end]
        words = len(flat[start:end].split())
        if verb.get("lemma") == "describe" and words < 3:
            return  # 'describing the evidence as "solid"': a word, not a statement
        if not inner and words < 4 and form not in _REJECTING_CUES:
            # "welcomed the deal", "condemned the move": a summary, no content ("rejected the
            # report" is a position taken: kept)
            return
    _add(
        ctx,
        start=start,
        end=end,
        kind=_kind(ctx, start, end, inner),
        speaker=speaker,
        cue=form,
        cue_start=cue_start,
        cue_end=cue_end,
        paragraph=paragraph,
        channel=verb.get("channel", ""),
    )


def _quoted_as(ctx: _Context, match: re.Match[str], sentence, paragraph: int, p_end: int) -> None:
    flat = ctx.article.flat
    s_start, s_end = sentence.start, sentence.end
    obj = match.group("obj")
    channel = ""
    if match.group("aux") or not obj:
        # 'Russian sources were quoted (by Tasnim) as saying': the subject speaks
        left = _clause_left(ctx, s_start, match.start())
        speaker = _subject_before(ctx, left, match.start())
        if match.group("by"):
            channel = _channel_name(ctx, match.start("by"), match.end("by"))
    else:
        # 'the paper cited the sources as saying': the object speaks, the subject is the channel
        speaker = _speaker_from_phrase(ctx, obj, match.start("obj"))
        left = _clause_left(ctx, s_start, match.start())
        channel_speaker = _subject_before(ctx, left, match.start())
        if channel_speaker is not None:
            channel = channel_speaker.name
    if speaker is None:
        return
    prev_quote = None
    for quote in ctx.quotes:
        if (
            quote.closed
            and s_start - 1 <= quote.end <= match.start()
            and len(flat[quote.end : match.start()].split()) <= QUOTE_TO_CUE_WORDS
        ):
            prev_quote = quote
    cue = _SPACES_RE.sub(" ", match.group())
    if prev_quote is not None and not prev_quote.claimed:
        _add(
            ctx,
            start=prev_quote.content_start,
            end=prev_quote.content_end,
            kind="direct",
            speaker=speaker,
            cue=cue,
            cue_start=match.start(),
            cue_end=match.end(),
            paragraph=paragraph,
            channel=channel,
        )
        return
    before = flat[s_start : match.start()]
    after = flat[match.end() : s_end]
    if (
        after.lstrip().startswith(",")
        and "," in before
        and not after.lstrip(" ,").startswith(("“", '"'))
    ):
        start, end = s_start, s_end  # parenthetical: 'Moscow, the paper cited ..., is “...”'
    else:
        content = _content_right(ctx, match.end(), s_end, p_end)
        if content is None:
            return
        start, end, _ = content
    while end > start and flat[end - 1] in " ,.;":
        end -= 1
    inner = [q for q in ctx.quotes if q.start < end and q.end > start]
    _add(
        ctx,
        start=start,
        end=end,
        kind=_kind(ctx, start, end, inner),
        speaker=speaker,
        cue=cue,
        cue_start=match.start(),
        cue_end=match.end(),
        paragraph=paragraph,
        channel=channel,
    )


def _according_to(ctx: _Context, match: re.Match[str], sentence, paragraph: int) -> None:
    flat = ctx.article.flat
    s_start, s_end = sentence.start, sentence.end
    stop = _ACCORDING_STOP_RE.search(flat[match.end() : s_end])
    phrase_end = match.end() + stop.start() if stop else s_end
    phrase = flat[match.end() : phrase_end]
    channel = ""
    report = _REPORT_BY_RE.match(phrase)
    if _VAGUE_REPORTS_RE.match(phrase.strip()):
        return  # 'according to several reports': no speaker to name
    if report:
        offset = match.end() + report.start(1)
        speaker = _speaker_from_phrase(ctx, report.group(1), offset)
    else:
        speaker = _speaker_from_phrase(ctx, phrase, match.end())
    if speaker is None:
        return
    relayed = next(
        (st for st in ctx.statements if st.start < match.start() < st.end and not st.parts), None
    )
    if relayed is not None and not flat[phrase_end:s_end].strip(" ,.;"):
        # "X told Y that ..., according to a statement from Z": X's words, relayed by Z
        relayed.end = match.start()
        while relayed.end > relayed.start and flat[relayed.end - 1] in " ,;":
            relayed.end -= 1
        relayed.channel = relayed.channel or _SPACES_RE.sub(" ", phrase).strip()
        return
    before = flat[s_start : match.start()].strip()
    if not before:
        # 'According to X, CONTENT' (X may itself be a report in a paper that cites sources)
        start = phrase_end
        while start < s_end and flat[start] in " ,:":
            start += 1
        end = s_end
        # 'According to a report in Al-Hayat, sources ... said that ...': the inner cue speaks.
        if report and next(ctx.verbs(start, end), None) is not None:
            return
    elif before.endswith(",") and flat[phrase_end:s_end].strip(" ,.;"):
        start, end = s_start, s_end  # 'Russia, according to these sources, is ...'
    else:
        start, end = s_start, match.start()
    while end > start and flat[end - 1] in " ,.;":
        end -= 1
    inner = [q for q in ctx.quotes if q.start < end and q.end > start]
    _add(
        ctx,
        start=start,
        end=end,
        kind=_kind(ctx, start, end, inner),
        speaker=speaker,
        cue="according to",
        cue_start=match.start(),
        cue_end=phrase_end,
        paragraph=paragraph,
        channel=channel,
    )


def _channel_name(ctx: _Context, start: int, end: int) -> str:
    for mention in ctx.mentions_in(start, end):
        if mention.type == "media":
            return mention.name
    return _SPACES_RE.sub(" ", ctx.article.flat[start:end]).strip()


# --- continuations -----------------------------------------------------------------------------


# A TV script's sound bite: "(SOUNDBITE) (Hebrew) ISRAELI DEFENCE MINISTER, AVIGDOR LIEBERMAN,
# SAYING:" (the title and name in capitals, in either order)
_SOUNDBITE_RE = re.compile(
    r"\(SOUNDBITE\)(?:\s*\([^()]{1,30}\))*\s*(?P<who>[A-Z][A-Z0-9 ,.’'()-]+?),?\s+SAYING:\s*$"
)


def _soundbite_speaker(ctx: _Context, start: int, end: int) -> _Speaker | None:
    """Who a sound bite's label names: a listed person, else the segment that is a name."""
    label = _SOUNDBITE_RE.search(ctx.article.flat, start, end)
    if label is None:
        return None
    segments = [seg.strip().title() for seg in label.group("who").split(",")]
    for segment in segments:
        listed = lookup_alias(segment)
        if listed is not None and listed.type == "person":
            return _from_actor(listed, segment, label.start("who"))
    for segment in reversed(segments):
        named = _unknown_name(segment, label.start("who"))
        if named is not None or (
            len(segment.split()) >= 2 and segment.split()[-1].lower() not in _ROLE_WORDS
        ):
            return named or _Speaker(
                name=segment, type="person", surface=segment, offset=label.start("who")
            )
    return None


def _add_labelled_quote(ctx: _Context, quote: _Quote, speaker: _Speaker, cue_start: int) -> None:
    """A quote whose speaker a label or a colon before it gives: direct, with ":" as its cue."""
    _add(
        ctx,
        start=quote.content_start,
        end=quote.content_end,
        kind="direct",
        speaker=speaker,
        cue=":",
        cue_start=cue_start,
        cue_end=quote.start,
        paragraph=quote.paragraph,
    )


def _continuations(ctx: _Context, paragraphs: list[tuple[int, int]]) -> None:
    """Quotes nobody claimed: continuations of the previous speaker, or scare quotes."""
    flat = ctx.article.flat
    for quote in ctx.quotes:
        if quote.claimed or ctx.article.sentence_at(quote.content_start) is None:
            continue
        previous = [s for s in ctx.statements if s.end <= quote.start]
        last = previous[-1] if previous else None
        sentence = ctx.article.sentence_at(quote.content_start)
        same_sentence_after_cue = (
            last is not None
            and sentence is not None
            and sentence.start <= last.cue_start < quote.start
            and not _SENTENCE_STOP_RE.search(flat[last.cue_end : quote.start])
            and last.kind == "direct"
            # '“A,” he said, “B”' (not 'she writes in “Title”', a quote a preposition governs)
            and not _PREPOSITION_END_RE.search(flat, last.cue_end, quote.start)
        )
        if same_sentence_after_cue:
            _add(
                ctx,
                start=quote.content_start,
                end=quote.content_end,
                kind="direct",
                speaker=_copy(last.speaker),
                cue=last.cue,
                cue_start=last.cue_start,
                cue_end=last.cue_end,
                paragraph=quote.paragraph,
                channel=last.channel,
            )
            continue
        bite = None
        if (
            sentence is not None
            and sentence.sentence_id > 0
            and not flat[sentence.start : quote.start].strip()
        ):
            # the sound bite's label as a sentence of its own, on the line before
            label = ctx.article.sentences[sentence.sentence_id - 1]
            bite = _soundbite_speaker(ctx, label.start, label.end)
        if bite is not None:
            _add_labelled_quote(ctx, quote, bite, quote.start)
            continue
        colon = _COLON_END_RE.search(flat[sentence.start : quote.start]) if sentence else None
        if colon is not None and sentence is not None:
            # 'Russia's UN ambassador was blunt: "..."': the subject before the colon speaks;
            # a TV script's "(SOUNDBITE) (English) TITLE, NAME, SAYING:" names who speaks
            speaker = _soundbite_speaker(ctx, sentence.start, quote.start) or _subject_before(
                ctx, sentence.start, _verb_phrase_start(flat, sentence.start, quote.start)
            )
            if speaker is not None:
                _add_labelled_quote(ctx, quote, speaker, quote.start - 1)
            continue
        opens_sentence = sentence is not None and not flat[sentence.start : quote.start].strip()
        entry = _entry_at(ctx, quote.paragraph) if ctx.entries else None
        if (
            entry is not None
            and opens_sentence
            and (last is None or last.paragraph <= entry[0])
            and not _WORD_CHAR_RE.search(flat, quote.end, sentence.end)
        ):
            # a quote standing alone under a "What they said" label: the entry's speaker's
            _add_labelled_quote(ctx, quote, _copy(entry[1]), quote.start)
            continue
        if last is None or not opens_sentence:
            continue
        if _WORD_CHAR_RE.search(flat, quote.end, sentence.end):
            continue  # its own attribution follows ('“...?” the presenter asked her'): no sequel
        p_start = paragraphs[quote.paragraph][0]
        opens_paragraph = not flat[p_start : quote.start].strip()
        same_paragraph = last.paragraph == quote.paragraph
        # A continuation paragraph follows the quoted statement's own paragraph directly.
        adjacent = quote.paragraph - last.paragraph == 1
        if (opens_paragraph and adjacent and last.kind in ("direct", "mixed")) or (
            same_paragraph and last.kind in ("direct", "mixed")
        ):
            words = len(flat[quote.content_start : quote.content_end].split())
            if words < 3:
                continue
            _add(
                ctx,
                start=quote.content_start,
                end=quote.content_end,
                kind="direct",
                speaker=_copy(last.speaker),
                cue="(continued)",
                cue_start=quote.start,
                cue_end=quote.start,
                paragraph=quote.paragraph,
                channel=last.channel,
            )


def _verb_phrase_start(flat: str, start: int, end: int) -> int:
    """Where the predicate starts in 'Russia's UN ambassador was blunt:' (at 'was'); a relative
    clause ends the subject before it ('A diplomat who spoke to the author put it:')."""
    relative = _RELATIVE_PRONOUN_RE.search(flat, start, end)
    for match in _PREDICATE_START_RE.finditer(flat, start, end):
        if relative is not None and relative.start() < match.start():
            return relative.start()
        if not _NO_SUBJECT_END_RE.search(flat, start, match.start()):
            return match.start()
    return end


# --- dates and channels ------------------------------------------------------------------------


def _dates_within(dates: list[DateMention]) -> Callable[[int, int], list[DateMention]]:
    """For the dates with a value: the function giving those starting in [start, end), in the
    order of ``dates`` (by bisection when they come in reading order, as find_dates gives them)."""
    valued = [d for d in dates if d.value is not None]
    starts = [d.start for d in valued]
    if starts == sorted(starts):
        return lambda start, end: valued[bisect_left(starts, start) : bisect_left(starts, end)]
    return lambda start, end: [d for d in valued if start <= d.start < end]


_DATE_WORDS = read_reference_yaml("date_words.yaml")
_NOT_SAID_ON_BEFORE_RE = re.compile(
    r"\b(?:" + _listed(_DATE_WORDS, "not_said_on_cues") + r")\s+$",
    re.IGNORECASE,
)
_SINCE_PHRASE_END_RE = re.compile(r"\bsince\s+[a-z][^,;.“”\"]*$")
_BEFORE_THE_DAYS_EVENT_RE = re.compile(rf"before\s+(?:{'|'.join(_WEEKDAYS)})[’']s")
_OCCASION_NOUNS = _listed(_DATE_WORDS, "occasion_nouns")
# "a day before the signing", "three days after the summons", "a week after the drone strike":
# a listed occasion, or any event named by the word that closes the phrase (a noun before a
# comma or a preposition), which the text may date in an earlier sentence.
_COUNT_FROM_OCCASION_RE = re.compile(
    rf"\b(?P<num>an?|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+"
    rf"(?P<dir>before|after)\s+the\s+(?:(?P<occasion>{_OCCASION_NOUNS})\b"
    r"|(?:[\w-]+\s+)?(?P<event>[a-z]{4,})(?=\s*[,;:]|\s+(?:of|on|in|at|by|near|over)\b))",
    re.IGNORECASE,
)
_DESCRIBED_AS_RE = re.compile(r"\s+as\b")
_CALLED_QUOTE_RE = re.compile(r"(?:\s+[^\s“”\"]+){1,8}?\s+[“\"]")
_OCCASION_NOUN_RE = re.compile(rf"\b(?:{_OCCASION_NOUNS})\b", re.IGNORECASE)
_SAME_DAY_RE = re.compile(rf"\b(?:{_listed(_DATE_WORDS, 'same_day_words')})\b", re.IGNORECASE)
_REPLY_RE = re.compile(rf"\b(?:{_listed(_DATE_WORDS, 'reply_words')})\b", re.IGNORECASE)
_MADE_REMARKS_RE = re.compile(
    rf"\b(?:made|delivered|gave)\s+(?:the|these|those|his|her|their)\s+"
    rf"(?:{_listed(_DATE_WORDS, 'remarks_nouns')})\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT_RE = re.compile(r"\s*(?:He|She|They)\s*$")
_PRONOUN_SUBJECT_IN_RE = re.compile(r"(?:^|[,;]\s+)(?:[Hh]e|[Ss]he)\s+[a-z]+")
_THAT_CLAUSE_OF_ITS_OWN_RE = re.compile(r"\b(?:that|which)\s+(?:[\w’'-]+\s+){0,6}?[a-z]+ed\b")


def _own_days(flat: str, sentence: Sentence, days: list[DateMention]) -> list[DateMention]:
    """A sentence's ``days``, but not one in a relative clause about something else ("X took
    the floor on the bill ratifying the treaty that Y signed on January 17")."""
    return [d for d in days if not _THAT_CLAUSE_OF_ITS_OWN_RE.search(flat, sentence.start, d.start)]


_OBJECT_GOES_ON_RE = re.compile(r"\s+(?:of|for|that|over)\b")
_TRAILING_OCCASION_RE = re.compile(
    rf"\s+(?:at|during|on|in|after)\s+(?:(?:his|her|its|their|the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}"
    rf"(?:{_OCCASION_NOUNS}|{'|'.join(_WEEKDAYS)})\b"
    r"|\s+when\s+asked\b"  # "rejected such readings when asked on June 23"
)
# "at the same briefing", "asked at the news conference": the occasion named before
_SAME_OCCASION_RE = re.compile(
    rf"\b(?:at|during|in|on|after)\s+the\s+(?:same\s+(?:[\w-]+\s+)?|(?={_OCCASION_NOUNS}\b))",
    re.IGNORECASE,
)
_AUDIENCE_NOUNS = _listed(_DATE_WORDS, "audience_nouns")
_SITTINGS = _listed(_DATE_WORDS, "sittings")
_AWAY_FROM_THE_SITTING_RE = re.compile(rf"\b(?:{_listed(_DATE_WORDS, 'away_from_the_sitting')})\b")
_ONE_SPEAKER_SITTINGS = _listed(_DATE_WORDS, "one_speaker_sittings")
# "held her weekly briefing", "told a Senate subcommittee", "at a hearing", "the Council met",
# "Session held on"
_SESSION_LEDE_RE = re.compile(
    r"\b(?:held|told|at|in|during|after|addressing|addressed)\s+(?:a|an|the|her|his|its|their)\s+"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?:(?P<one>{_ONE_SPEAKER_SITTINGS})|{_SITTINGS})\b"
    rf"|\b(?:{_listed(_DATE_WORDS, 'sitting_bodies')})\s+(?:[\w-]+\s+){{0,3}}?met\b"
    # minutes: "Session held on Tuesday 17 September 2024."
    rf"|\b(?:{_SITTINGS})\s+(?:was\s+)?held\b"
    # "in a speech to an open session of parliament"
    rf"|\bspeech\s+to\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_SITTINGS})\b",
    re.IGNORECASE,
)
_NOT_AT_THE_SESSION_RE = re.compile(
    rf"\b(?:{_listed(_DATE_WORDS, 'not_at_the_session')})\b", re.IGNORECASE
)
_OCCASION_RE = re.compile(
    rf"\b(?:the|this|that|[A-Z][a-z]+day[’']s)\s+(?:[\w-]+\s+)?(?:{_OCCASION_NOUNS})\b"
    # "told his post-match news conference"
    rf"|\b(?:told|addressed)\s+(?:his|her|their)\s+(?:[\w-]+\s+){{0,2}}"
    rf"(?:{_OCCASION_NOUNS})\b"
    rf"|\b(?:told|telling|addressing|addressed)\s+(?:the\s+)?(?:{_AUDIENCE_NOUNS})\b"
    rf"|\b(?:at|after|before)\s+(?:{_listed(_DATE_WORDS, 'occasion_moments')})\b",
    re.IGNORECASE,
)


def _inside_what_was_said(ctx: _Context) -> Callable[[int], bool]:
    """Whether an offset lies inside some statement's content (by bisection)."""
    contents = sorted((s.start, s.end) for s in ctx.statements)
    starts = [start for start, _ in contents]
    reach = list(accumulate((end for _, end in contents), max))  # furthest end so far

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    return inside


def _said_on_candidates(
    ctx: _Context, dates: list[DateMention], inside: Callable[[int], bool]
) -> list[DateMention]:
    """The dates a statement may have been said on: not inside what someone said (a date in a
    quote or a reported clause dates its content), not a deadline or a span's start ("by 2030",
    "since 2015")."""
    flat = ctx.article.flat
    return [
        mention
        for mention in dates
        if not inside(mention.start)
        # (nor inside a "since ..." phrase: "his first visit since taking office in July")
        and not _SINCE_PHRASE_END_RE.search(flat, max(0, mention.start - 40), mention.start)
        and (
            not _NOT_SAID_ON_BEFORE_RE.search(flat, max(0, mention.start - 12), mention.start)
            # "said before Tuesday's kick-off": on the day of the event, shortly before it
            or _BEFORE_THE_DAYS_EVENT_RE.match(flat, max(0, mention.start - 7), mention.end + 2)
            is not None
        )
    ]


def _assign_dates(ctx: _Context, dates: list[DateMention]) -> None:
    article = ctx.article
    flat = article.flat
    within = _dates_within(dates)
    inside = _inside_what_was_said(ctx)
    candidates = _said_on_candidates(ctx, dates, inside)
    in_sentence = _dates_within(candidates)
    # The day of an event counted back ("a week after Iran said") dates only that event's own
    # clause; every other rule reads the days the story is at.
    usable = _dates_within([d for d in candidates if d.anchors])
    session = _session_reported(ctx, within)
    live = _live_coverage_day(ctx, within)
    document_day = _dated_document_day(ctx, within)
    conversation = _conversation_day(ctx, within) if ctx.answers else None
    for index, statement in enumerate(ctx.statements):
        if conversation is not None and statement in ctx.answers:
            statement.date = conversation  # an interview's answer: the day it was given
            continue
        cue_sentence = article.sentence_at(statement.cue_start) or article.sentence_at(
            statement.start
        )
        if cue_sentence is None:
            continue
        outside = [
            d
            for d in in_sentence(cue_sentence.start, cue_sentence.end)
            if not (statement.start <= d.start < statement.end)
            and (
                d.anchors
                or d.end <= statement.cue_start
                and "," not in flat[d.end : statement.cue_start]
            )
        ]
        if not outside:
            # "accused Russia on Tuesday of treating Iran as ...": the day between the object
            # and the rest of it is when the accusation was made
            outside = [
                d
                for d in within(statement.start, statement.end)
                if d.precision == "day"
                and flat[max(0, d.start - 3) : d.start] == "on "
                and _OBJECT_GOES_ON_RE.match(flat, d.end)
            ]
        if outside:
            # The date nearest the cue governs: 'said in a Jan. 23 briefing', 'On Thursday, ...'
            statement.date = min(outside, key=lambda d: abs(d.start - statement.cue_start))
            continue
        entry = (
            _entry_date(ctx, statement, usable)
            or _section_day(ctx, statement)
            or _entry_label_day(ctx, statement)
        )
        if entry is not None:
            statement.date = entry
            continue
        counted = (
            _COUNT_FROM_OCCASION_RE.search(flat, cue_sentence.start, cue_sentence.end)
            if _has_count_word(ctx, cue_sentence)
            else None
        )
        if counted is not None and not statement.start <= counted.start() < statement.end:
            # "In an interview a day before the signing, X said": counted from the occasion's
            # day, when the text dates it; else not known (not the story's day). An unlisted
            # event the text does not date may not be one ("a day after the criticism by X"):
            # the rules below still apply.
            day = _counted_from_occasion(ctx, counted, cue_sentence, usable)
            if day is not None or counted.group("occasion"):
                statement.date = day
                continue
        inside_postposed = (
            within(statement.start, statement.end) if statement.cue_start > statement.end else []
        )
        if inside_postposed and statement.kind == "indirect":
            statement.date = inside_postposed[-1]
            continue
        # Same occasion named just before: the previous sentence of the paragraph names the
        # speaker and a date ('Lavrov met ... on Oct. 6. Lavrov said ...').
        previous_sentence = (
            article.sentences[cue_sentence.sentence_id - 1]
            if cue_sentence.sentence_id > 0
            else None
        )
        previous_in_paragraph = previous_sentence is not None and ctx.paragraph_of.get(
            previous_sentence.sentence_id
        ) == ctx.paragraph_of.get(cue_sentence.sentence_id)
        if previous_in_paragraph:
            near = usable(previous_sentence.start, previous_sentence.end)
            if near and (
                _names_speaker(
                    ctx, previous_sentence.start, previous_sentence.end, statement.speaker
                )
                # "Speaking at a conference on May 12, 2007, he went further. “...,” he told"
                or _PRONOUN_SUBJECT_IN_RE.search(
                    flat, previous_sentence.start, previous_sentence.end
                )
                and statement.speaker.type == "person"
            ):
                statement.date = near[-1]
                continue
        # 'At the same briefing, X said', 'Asked at the briefing, X said': the occasion of X's
        # latest dated statement before
        if any(
            _SAME_OCCASION_RE.search(flat, start, end)
            for start, end in _outside_what_was_said(statement, cue_sentence)
        ):
            same = next(
                (
                    e
                    for e in reversed(ctx.statements[:index])
                    if e.speaker.name == statement.speaker.name
                    and e.date is not None
                    and e.date.precision == "day"
                ),
                None,
            )
            if same is not None:
                statement.date = same.date
                continue
        same_day = _same_day_as_before(
            ctx,
            index,
            cue_sentence,
            previous_sentence if previous_in_paragraph else None,
            inside,
        )
        if same_day is not None:
            statement.date = same_day
            continue
        remarks_day = _day_of_the_remarks(ctx, statement, usable)
        if remarks_day is not None:
            statement.date = remarks_day
            continue
        answered = _day_of_what_it_answers(ctx, index, cue_sentence, inside)
        if answered is not None:
            statement.date = answered
            continue
        # The occasion named a few sentences earlier together with the speaker ('a January 27,
        # 2019 meeting between X and Y ... X said that ...'; 'On June 9, Rouhani met Putin ...').
        found_earlier = False
        # (from the sentence just before: one that closes the paragraph before is read here,
        # 'Speaking on Sunday, X went further. ¶ "...," X said'; a dated one in this paragraph
        # that did not name the speaker stops the search, as any dated occasion in between does)
        for back in range(cue_sentence.sentence_id - 1, max(-1, cue_sentence.sentence_id - 8), -1):
            earlier_sentence = article.sentences[back]
            near = [
                d
                for d in usable(earlier_sentence.start, earlier_sentence.end)
                if d.precision == "day"
            ]
            own = _own_days(flat, earlier_sentence, near)
            if own and _names_speaker(
                ctx, earlier_sentence.start, earlier_sentence.end, statement.speaker
            ):
                statement.date = own[-1]
                found_earlier = True
                break
            if near:
                break  # another dated occasion came in between: do not reach past it
        if found_earlier:
            continue
        # The same speaker's previous statement, in this or the previous paragraph.
        for earlier in _statements_just_before(ctx, index):
            if earlier.speaker.name == statement.speaker.name:
                statement.date = earlier.date
                break
        if statement.date is None:
            statement.date = _occasion_date(ctx, statement, cue_sentence, usable, inside, within)
        if statement.date is None and session is not None:
            statement.date = _day_of_the_session(ctx, statement, cue_sentence, session, usable)
        if (
            statement.date is None
            and document_day is not None
            and _VERBS.get(statement.cue.lower(), {}).get("lemma") == "write"
        ):
            statement.date = document_day  # "..., X wrote": in the document the lede dates
        if (
            statement.date is None
            and live is not None
            and not _PERFECT_BEFORE_CUE_RE.search(flat, cue_sentence.start, statement.cue_start)
        ):
            statement.date = live  # a live blog's entry: the day it covers
    _dated_by_the_next_turn(ctx)
    published = article.published
    for statement in ctx.statements:
        day = statement.date.value if statement.date is not None else None
        if published is not None and day is not None and day > published:
            statement.date = None  # ("will resume in June"): nothing was said after the story


_OPENING_QUOTE_MARKS = frozenset("“\"‘'«")
# "has long said", "had repeatedly warned": a habit or a time before, not the day's words
_PERFECT_BEFORE_CUE_RE = re.compile(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+|long\s+)?$")


def _dated_by_the_next_turn(ctx: _Context) -> None:
    """An undated statement takes the day of the same speaker's next one when nobody spoke in
    between and that one goes on the same turn: in the same paragraph, or as a quote opening
    the next one ("X said her party would vote yes, but she was blunt. ¶ “...,” she told the
    chamber"); not a new scene ("¶ During an interview on Friday, X answered"). Not a habit
    ("has long said")."""
    flat, statements = ctx.article.flat, ctx.statements
    for index in range(len(statements) - 2, -1, -1):
        statement, following = statements[index], statements[index + 1]
        if (
            statement.date is None
            and following.date is not None
            and following.date.precision == "day"
            and following.speaker.name == statement.speaker.name
            and (
                following.paragraph == statement.paragraph
                or following.paragraph == statement.paragraph + 1
                and following.cue_start > following.end
                and flat[ctx.paragraphs[following.paragraph][0]] in _OPENING_QUOTE_MARKS
            )
            and not _PERFECT_BEFORE_CUE_RE.search(
                flat, max(0, statement.cue_start - 24), statement.cue_start
            )
            and not _opens_a_scene(ctx, following)
        ):
            statement.date = following.date


def _outside_what_was_said(statement: _Statement, sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of a statement's cue sentence before and after what was said (its
    attribution, in either order), those that are not empty."""
    return [
        (start, end)
        for start, end in ((sentence.start, statement.start), (statement.end, sentence.end))
        if start < end
    ]


def _first_sentence(ctx: _Context, statement: _Statement) -> Sentence | None:
    """The sentence a statement starts in, with its attribution ("On Monday, he said", or the
    first sentence of a quote before its "... ,” the minister said")."""
    return ctx.article.sentence_at(min(statement.start, statement.cue_start))


def _statements_just_before(ctx: _Context, index: int) -> Iterator[_Statement]:
    """The statements before statement ``index``, nearest first, in its paragraph or the one
    before."""
    paragraph = ctx.statements[index].paragraph
    for earlier in reversed(ctx.statements[:index]):
        if paragraph - earlier.paragraph > 1:
            return
        yield earlier


def _opens_a_scene(ctx: _Context, statement: _Statement) -> bool:
    """Whether a statement's day is named in its sentence before it and its attribution ("On
    Monday, he told reporters that ..."): a new occasion, not the one before going on."""
    day = statement.date
    sentence = _first_sentence(ctx, statement)
    return (
        day is not None
        and sentence is not None
        and sentence.start <= day.start < min(statement.start, statement.cue_start)
    )


def _same_day_as_before(
    ctx: _Context,
    index: int,
    cue_sentence: Sentence,
    previous_sentence: Sentence | None,
    inside: Callable[[int], bool],
) -> DateMention | None:
    """The day of the statement just before, when this one's sentence (or the one before it
    in its paragraph) says it came minutes or hours from it, outside what anyone said:
    "Bolton, speaking a few minutes later, was blunt. '...,' he said"."""
    before = ctx.statements[index - 1] if index > 0 else None
    if before is None or before.date is None or before.date.precision != "day":
        return None
    flat = ctx.article.flat
    start = previous_sentence.start if previous_sentence is not None else cue_sentence.start
    for found in _SAME_DAY_RE.finditer(flat, max(start, before.end), cue_sentence.end):
        if not inside(found.start()):
            return before.date
    return None


def _day_of_what_it_answers(
    ctx: _Context, index: int, cue_sentence: Sentence, inside: Callable[[int], bool]
) -> DateMention | None:
    """The day of the statement a reply answers ("Rivas replied that ...", "Responding, Soto
    said"): the latest one before it by someone else, in its paragraph or the one before."""
    statement = ctx.statements[index]
    reply = next(
        (
            found
            for start, end in _outside_what_was_said(statement, cue_sentence)
            for found in _REPLY_RE.finditer(ctx.article.flat, start, end)
            if not inside(found.start())
        ),
        None,
    )
    if reply is None:
        return None
    for earlier in _statements_just_before(ctx, index):
        if earlier.speaker.name != statement.speaker.name:
            day = earlier.date
            return day if day is not None and day.precision == "day" else None
    return None


def _day_of_the_remarks(
    ctx: _Context, statement: _Statement, usable: Callable[[int, int], list[DateMention]]
) -> DateMention | None:
    """The day the sentence right after a statement gives it: "X made the remarks on Monday",
    its subject the speaker (named, or "He"/"She" when no one else spoke in between)."""
    article = ctx.article
    last = article.sentence_at(max(statement.end, statement.cue_end) - 1)
    if last is None or last.sentence_id + 1 >= len(article.sentences):
        return None
    following = article.sentences[last.sentence_id + 1]
    flat = article.flat
    made = _MADE_REMARKS_RE.search(flat, following.start, following.end)
    if made is None:
        return None
    subject = flat[following.start : made.start()]
    if not (
        _names_speaker(ctx, following.start, made.start(), statement.speaker)
        or _PRONOUN_SUBJECT_RE.fullmatch(subject)
    ):
        return None
    days = [d for d in usable(made.end(), following.end) if d.precision == "day"]
    return days[0] if days else None


_SEVERAL_DAYS_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|few|\d+)[- ]days?\b"
    # (not a count from the day: "three days before the vote")
    r"(?!\s+(?:before|after|earlier|later|ago|from)\b)",
    re.IGNORECASE,
)


def _occasion_date(
    ctx: _Context,
    statement: _Statement,
    cue_sentence: Sentence,
    usable: Callable[[int, int], list[DateMention]],
    inside: Callable[[int], bool],
    every: Callable[[int, int], list[DateMention]],
) -> DateMention | None:
    """The day of the occasion a statement's attribution refers to ('told the summit', 'after
    the vote', 'on the sidelines'; or the sentence before, in its paragraph: 'was invited to
    address the meeting. Its envoy said ...'): the latest day-dated sentence before it that names
    an occasion, else the day the article's first sentence reports (the story's occasion). None
    without such a reference."""
    article, flat = ctx.article, ctx.article.flat
    where = _outside_what_was_said(statement, cue_sentence)
    # the sentence before the statement's first one: a quote of two sentences before its
    # attribution ("“We had good talks. ...,” the minister said") starts a sentence earlier
    opening = _first_sentence(ctx, statement) or cue_sentence
    previous = opening.sentence_id - 1
    before = None
    if previous >= 0 and ctx.paragraph_of.get(previous) == ctx.paragraph_of.get(
        opening.sentence_id
    ):
        before = (article.sentences[previous].start, article.sentences[previous].end)
        where.append(before)
    if not any(
        not inside(found.start())
        for start, end in where
        for found in _OCCASION_RE.finditer(flat, start, end)
    ):
        return None  # no occasion named outside what was said
    if before is not None:
        # "The treaty, signed on January 17, ... At the ceremony Putin said": the sentence just
        # before, in the same paragraph, sets the occasion's day
        days = [d for d in usable(*before) if d.precision == "day"]
        if days:
            return _one_day(flat, article.sentences[previous], days[-1])
    # (a bounded look back: a long article's cost stays linear in its length)
    for back in range(cue_sentence.sentence_id - 1, max(0, cue_sentence.sentence_id - 40), -1):
        sentence = article.sentences[back]
        dated = [d for d in usable(sentence.start, sentence.end) if d.precision == "day"]
        days = _own_days(flat, sentence, dated)
        # (an occasion named with or without an article: "flew to Israel on Monday for talks")
        if days and _OCCASION_NOUN_RE.search(flat, sentence.start, sentence.end):
            return _one_day(flat, sentence, days[-1])
    # (the lede's day counts even inside what it reports: "A rocket lifted off on Thursday,
    # the agency said")
    lede = article.sentences[0]
    days = [d for d in every(lede.start, lede.end) if d.precision == "day" and d.anchors]
    return _one_day(flat, lede, days[0]) if days else None


# A timeline entry's date: "April 8 – ", "Jan. 17, 2025 — " opening a paragraph
_ENTRY_DASH_RE = re.compile(r"\s*[–—-]\s")


def _entry_date(
    ctx: _Context, statement: _Statement, usable: Callable[[int, int], list[DateMention]]
) -> DateMention | None:
    """The date a paragraph opens with before a dash, as a timeline's entries do ("April 8 –
    The State Duma ratifies the treaty. Leonid Slutsky ... says ..."): the day of every
    statement in that entry that has none of its own."""
    start = _paragraph_start(ctx, statement.paragraph, statement.cue_start)
    flat = ctx.article.flat
    for day in usable(start, start + 24):
        if flat[start : day.start].strip() == "" and _ENTRY_DASH_RE.match(flat, day.end):
            return day if day.precision == "day" else None
    return None


def _entry_label_day(ctx: _Context, statement: _Statement) -> DateMention | None:
    """The day a "What they said" entry's label gives ("..., JAN 15, to state television:")."""
    entry = _entry_at(ctx, statement.paragraph) if ctx.entries else None
    return entry[2] if entry is not None else None


def _section_day(ctx: _Context, statement: _Statement) -> DateMention | None:
    """The day a section heading gives ("THE KREMLIN: PUTIN–ROUHANI, FRIDAY", in a compilation
    of readouts): the day of every statement under it, up to the next heading, that has none
    of its own."""
    article = ctx.article
    heading = None
    body_start = article.body[0][0] if article.body else 0
    for span in article.headings:
        if span[1] > statement.cue_start:
            break
        if span[0] > body_start:  # (lines above the story are a byline or "Updated ...")
            heading = span
    if heading is None:
        return None
    day = _heading_day(" ".join(article.text[heading[0] : heading[1]].split()), article.published)
    return replace(day, start=heading[0], end=heading[1]) if day is not None else None


@lru_cache(maxsize=256)
def _heading_day(words: str, published: date | None) -> DateMention | None:
    """The last day a heading names (weekdays and months read capitalised: "FRIDAY")."""
    days = [
        d
        for d in find_dates_in_text(words.title() if words.isupper() else words, published)
        if d.precision == "day"
    ]
    return days[-1] if days else None


_CONVERSATION_RE = re.compile(rf"\b(?:{_listed(_DATE_WORDS, 'conversation_words')})\b")


def _conversation_day(
    ctx: _Context, every: Callable[[int, int], list[DateMention]]
) -> DateMention | None:
    """The day a transcript's conversation took place, as its introduction gives it ("spoke
    to him ... on Thursday, November 12", "The conversation was recorded on Tuesday"): the day
    nearest the words saying so, in the sentences before the first labelled paragraph."""
    flat = ctx.article.flat
    for sentence in ctx.article.sentences:
        if sentence.start >= ctx.transcript_start:
            break
        said = _CONVERSATION_RE.search(flat, sentence.start, sentence.end)
        days = [d for d in every(sentence.start, sentence.end) if d.precision == "day"]
        if said is not None and days:
            return min(days, key=lambda d: abs(d.start - said.start()))
    return None


def _session_reported(
    ctx: _Context, every: Callable[[int, int], list[DateMention]]
) -> tuple[DateMention, Sentence | None] | None:
    """The day of the sitting a session report is about, when the first sentence (or the
    second, after a question) reports one with its day ("The Security Council met this
    afternoon"; "told a Senate subcommittee on Tuesday, at a hearing"), and for a sitting where
    one person speaks ("held her weekly briefing"), the sentence that names that person."""
    flat = ctx.article.flat
    for lede in ctx.article.sentences[:2]:  # (the second after a question: "Are they allies?")
        sitting = _SESSION_LEDE_RE.search(flat, lede.start, lede.end)
        days = [d for d in every(lede.start, lede.end) if d.precision == "day" and d.anchors]
        if sitting is not None and days:
            break
    else:
        return None
    # the day nearest the sitting ("told her weekly briefing on Thursday"), not the dateline's
    # ("MOSCOW, Oct 2 — "), which is when the story was filed
    nearest = min(days, key=lambda d: abs(d.start - sitting.end()))
    day = _one_day(flat, lede, nearest)
    return (day, lede if sitting.group("one") else None) if day is not None else None


_DATED_DOCUMENT_RE = re.compile(
    rf"\b(?:{_listed(_DATE_WORDS, 'dated_documents')})\s+dated\s+", re.IGNORECASE
)


def _dated_document_day(
    ctx: _Context, every: Callable[[int, int], list[DateMention]]
) -> DateMention | None:
    """The day of a document the first or second sentence names with it ("in a written
    parliamentary answer dated 7 March")."""
    flat = ctx.article.flat
    for lede in ctx.article.sentences[:2]:
        document = _DATED_DOCUMENT_RE.search(flat, lede.start, lede.end)
        if document is None:
            continue
        days = [d for d in every(document.end(), lede.end) if d.precision == "day"]
        if days and days[0].start == document.end():
            return days[0]
    return None


_LIVE_COVERAGE_RE = re.compile(
    rf"\b(?:{_listed(_DATE_WORDS, 'live_coverage_words')})\b", re.IGNORECASE
)


def _live_coverage_day(
    ctx: _Context, every: Callable[[int, int], list[DateMention]]
) -> DateMention | None:
    """The day a live blog covers, when its first or second sentence gives it ("Live coverage
    from Saturday 26 October 2024")."""
    flat = ctx.article.flat
    for lede in ctx.article.sentences[:2]:
        live = _LIVE_COVERAGE_RE.search(flat, lede.start, lede.end)
        days = [d for d in every(lede.start, lede.end) if d.precision == "day" and d.anchors]
        if live is not None and days:
            return min(days, key=lambda d: abs(d.start - live.end()))
    return None


_MEMBER_NOUNS = frozenset(n.lower() for n in _DATE_WORDS["audience_nouns"] if " " not in n)


def _is_member_noun(name: str) -> bool:
    """Whether an unnamed speaker is a member of a sitting ("deputy", "lawmakers", "an MP")."""
    head = name.split()[-1].lower() if name.split() else ""
    return (
        head in _MEMBER_NOUNS or head + "s" in _MEMBER_NOUNS or head[:-1] + "ies" in _MEMBER_NOUNS
    )


def _day_of_the_session(
    ctx: _Context,
    statement: _Statement,
    cue_sentence: Sentence,
    session: tuple[DateMention, Sentence | None],
    usable: Callable[[int, int], list[DateMention]],
) -> DateMention | None:
    """A session report's statement with no day of its own was said at the sitting, unless its
    attribution says it was written, said elsewhere or before ("wrote on X", "in an interview",
    "had warned"), or its paragraph moved to another day first ("On Wednesday, X said ..."). At
    a briefing only the briefer spoke."""
    flat = ctx.article.flat
    day, one_speaker = session
    if statement.speaker.type == "anonymous" and not _is_member_noun(statement.speaker.name):
        # "a committee aide said": a source spoken to, not a speaker at the sitting (but "a
        # deputy shouted" is a member of the sitting)
        return None
    if one_speaker is not None and not _names_speaker(
        ctx, one_speaker.start, one_speaker.end, statement.speaker
    ):
        return None
    attribution = _outside_what_was_said(statement, cue_sentence)
    away = [_NOT_AT_THE_SESSION_RE] + ([_AWAY_FROM_THE_SITTING_RE] if one_speaker is None else [])
    if any(rule.search(flat, start, end) for rule in away for start, end in attribution):
        return None
    if _PERFECT_BEFORE_CUE_RE.search(flat, cue_sentence.start, statement.cue_start):
        return None
    paragraph_start = _paragraph_start(ctx, statement.paragraph, statement.cue_start)
    if any(d.precision == "day" for d in usable(paragraph_start, cue_sentence.start)):
        return None
    return day


def _has_count_word(ctx: _Context, sentence: Sentence) -> bool:
    """Cheap test first: " before the " or " after the " in the sentence (lower case)."""
    lower = ctx.lower
    if not lower:
        return True
    return (
        lower.find(" before the ", sentence.start, sentence.end) >= 0
        or lower.find(" after the ", sentence.start, sentence.end) >= 0
    )


def _counted_from_occasion(
    ctx: _Context,
    counted: re.Match[str],
    cue_sentence: Sentence,
    usable: Callable[[int, int], list[DateMention]],
) -> DateMention | None:
    """The day ``counted`` ("a day before the signing") points to: that far from the day of
    the latest sentence before that names the occasion (its noun or verb: "signed"), or None."""
    amount = number_value(counted.group("num"))
    if amount is None:
        return None
    days = amount * (7 if counted.group("unit").lower().startswith("week") else 1)
    step = -days if counted.group("dir").lower() == "before" else days
    # "signing" -> "sign": "signed" names it too; "summons" -> "summ": "was summoned"
    stem = (counted.group("occasion") or counted.group("event")).lower()[:4]
    names_it = re.compile(rf"\b{stem}", re.IGNORECASE)
    flat = ctx.article.flat
    for back in range(cue_sentence.sentence_id - 1, max(-1, cue_sentence.sentence_id - 40), -1):
        sentence = ctx.article.sentences[back]
        if not names_it.search(flat, sentence.start, sentence.end):
            continue
        found = [d for d in usable(sentence.start, sentence.end) if d.precision == "day"]
        if found and found[-1].value is not None:
            value = found[-1].value + timedelta(days=step)
            return DateMention(
                counted.start(), counted.end(), counted.group(), value, "day", "relative"
            )
    return None


def _one_day(flat: str, sentence: Sentence, day: DateMention) -> DateMention | None:
    """The occasion's day, unless the occasion lasts several ('two days of talks', 'a
    three-day visit'): which of them a statement was made on is then not known."""
    return None if _SEVERAL_DAYS_RE.search(flat, sentence.start, sentence.end) else day


def _names_speaker(ctx: _Context, start: int, end: int, speaker: _Speaker) -> bool:
    if speaker.actor_id:
        for mention in ctx.mentions_in(start, end):
            if mention.actor_id == speaker.actor_id:
                return True
    surname = speaker.name.split()[-1] if speaker.name else ""
    return bool(surname) and surname in ctx.article.flat[start:end]


def _channel_in(attribution: str) -> str:
    """The channel of the first row of statement_channels.csv matching ``attribution``."""
    lowered = case_free_lower(attribution) if _CHANNELS_LOWER is not None else None
    if lowered is not None:
        text, rows, any_row = lowered, _CHANNELS_LOWER, _ANY_CHANNEL_LOWER_RE
    else:
        text, rows, any_row = attribution, _CHANNELS, _ANY_CHANNEL_RE
    if any_row is None or any_row.search(text):
        for pattern, channel in rows:  # type: ignore[union-attr]
            if pattern.search(text):
                return channel
    return ""


def _assign_channels(ctx: _Context) -> None:
    flat = ctx.article.flat
    for statement in ctx.statements:
        if statement.channel:
            continue
        sentence = ctx.article.sentence_at(statement.cue_start) or ctx.article.sentence_at(
            statement.start
        )
        if sentence is None:
            continue
        # Attribution words: the sentence outside the content.
        a, b = max(sentence.start, statement.start), min(sentence.end, statement.end)
        attribution = (
            flat[sentence.start : a] + " " + flat[b : sentence.end]
            if a < b
            else flat[sentence.start : sentence.end]
        )
        media = [
            m
            for m in ctx.mentions_in(sentence.start, sentence.end)
            if not (statement.start <= m.start < statement.end)
            and m.type == "media"
            and m.actor_id != statement.speaker.actor_id
        ]
        if media:
            statement.channel = media[0].name
            continue
        statement.channel = _channel_in(attribution)
        if not statement.channel and statement.speaker.type == "media":
            statement.channel = statement.speaker.name


# --- topic and stance --------------------------------------------------------------------------

_TOPIC_RES = {
    name: (
        re.compile(r"(?<![\w-])(?:" + _word_alternation(spec["cues"]) + r")", re.IGNORECASE),
        tuple(spec.get("pair") or ()),
    )
    for name, spec in (_TOPICS.get("topics") or {}).items()
}
# The same cues in lower case, matched in lower-cased content (cheaper than IGNORECASE), and
# all of them in one pattern: content it does not match has no topic cue at all.
_TOPIC_LOWER_RES = {
    name: re.compile(r"(?<![\w-])(?:" + _word_alternation([c.lower() for c in spec["cues"]]) + r")")
    for name, spec in (_TOPICS.get("topics") or {}).items()
}
_TOPIC_CUES_LOWER = [
    c.lower() for spec in (_TOPICS.get("topics") or {}).values() for c in spec["cues"]
]
# Every place in lower-cased content where some cue may start, found in one scan: a prefix tree
# of all cues (its classes for spaces and apostrophes accept a little more than the cues), in a
# look-ahead so that no start is hidden inside another match. Only the topics whose own pattern
# matches at one of these places are counted. Not usable if a topic has no cue or an empty one
# (its pattern would match everywhere).
_TOPIC_STARTS_RE = (
    re.compile(
        r"(?<![\w-])(?=["
        + re.escape("".join(sorted({c[0] for c in _TOPIC_CUES_LOWER})))
        + "])(?="
        + trie_pattern(sorted(set(_TOPIC_CUES_LOWER)))
        + ")"
    )
    if all(_TOPIC_CUES_LOWER)
    and all(spec["cues"] for spec in (_TOPICS.get("topics") or {}).values())
    else None
)
# The topics with a cue starting with each character (a cue start found, which topics to try).
_TOPICS_BY_FIRST: dict[str, list[str]] = {}
for _name, _spec in (_TOPICS.get("topics") or {}).items():
    for _first in sorted({c.lower()[:1] for c in _spec["cues"]}):
        _TOPICS_BY_FIRST.setdefault(_first, []).append(_name)
_STANCE = _TOPICS.get("alliance_stance") or {}
_LABEL_REFUSAL_RES = [re.compile(p, re.I) for p in _STANCE.get("label_refusal", [])]
_COMPARATIVE_RES = [re.compile(p, re.I) for p in _STANCE.get("comparative_denial", [])]


def _lower_patterns(patterns: list[re.Pattern[str]]) -> list[re.Pattern[str]] | None:
    """The patterns compiled case-sensitive, for lower-cased text (None if one does not allow it:
    ``_lowerable``)."""
    if all(_lowerable(p.pattern) for p in patterns):
        return [re.compile(p.pattern) for p in patterns]
    return None


_LABEL_REFUSAL_LOWER_RES = _lower_patterns(_LABEL_REFUSAL_RES)
_COMPARATIVE_LOWER_RES = _lower_patterns(_COMPARATIVE_RES)


def _any_match(
    patterns: list[re.Pattern[str]], lower_patterns: list[re.Pattern[str]] | None, text: str
) -> bool:
    """Whether one of the IGNORECASE ``patterns`` matches in ``text`` (searching the lower-cased
    text with ``lower_patterns``, the same compiled case-sensitive, where they allow it)."""
    lowered = case_free_lower(text) if lower_patterns is not None and patterns else None
    if lowered is not None:
        return any(p.search(lowered) for p in lower_patterns)  # type: ignore[union-attr]
    return any(p.search(text) for p in patterns)


@dataclass(frozen=True, slots=True)
class _StanceWords:
    """The stance word lists as patterns: case-insensitive, or lower case for lower-cased text
    (IGNORECASE makes ``re`` compare every position with every word's first letter folded)."""

    alliance: re.Pattern[str]
    partner: re.Pattern[str]
    negator: re.Pattern[str]
    weakening: re.Pattern[str]
    weakening_hedge: re.Pattern[str]
    dismissal: re.Pattern[str]
    partial: re.Pattern[str]
    relationship: re.Pattern[str]
    description: re.Pattern[str]
    limiting: re.Pattern[str]
    rivalry: re.Pattern[str]
    distrust: re.Pattern[str]
    clause_split: re.Pattern[str]
    our_alliance: re.Pattern[str]
    # What every alliance word starts with ("all"), in lower-cased text: a text without it has
    # none ("" when unknown: case-insensitive matching, or no common start).
    alliance_start: str = ""

    def has_alliance(self, text: str) -> bool:
        if self.alliance_start and self.alliance_start not in text:
            return False
        return self.alliance.search(text) is not None

    @classmethod
    def compile(cls, *, lower: bool) -> _StanceWords:
        flags = 0 if lower else re.IGNORECASE

        def words(key: str) -> re.Pattern[str]:
            listed = [w.lower() if lower else w for w in _STANCE.get(key, [])]
            if not listed:  # an emptied list matches nothing (not the empty word everywhere)
                return re.compile(r"(?!)")
            return re.compile(rf"\b(?:{_word_alternation(listed)})\b", flags)

        negators = [
            n.lower() if lower else n
            for n in _STANCE.get("negators", [])
            if n.replace(" ", "").isalpha()  # "n't" is matched apart, glued to its verb
        ]
        return cls(
            alliance=words("alliance_words"),
            partner=words("partnership_words"),
            negator=re.compile(r"(?:\b(?:" + _word_alternation(negators) + r")\b|n[’']t\b)", flags),
            weakening=words("weakening_words"),
            weakening_hedge=words("weakening_hedges"),
            dismissal=words("dismissal_words"),
            partial=words("partial_words"),
            relationship=words("relationship_words"),
            description=words("affirming_descriptions"),
            limiting=words("limiting_words"),
            rivalry=words("rivalry_words"),
            distrust=words("distrust_words"),
            # "but" starts a new clause, except in "nothing but" / "anything but" / "all but"
            # (the words behind one \b: re then tries one branch, not four, at each position)
            clause_split=re.compile(
                r"[;,.:]|\b(?:(?<!nothing )(?<!anything )(?<!all )but|yet|while|whereas)\b",
                flags,
            ),
            # the speaker's own side: "our ally", "our strategic partner", "we are partners"
            our_alliance=re.compile(
                r"\bour (?:(?:strategic|close|reliable|real|true) )?"
                r"(?:ally|allies|alliance|partner|partners|partnership|friend|friends)\b"
                r"|\bwe are (?:(?:strategic|close|reliable|real|true|not|no longer) )*"
                r"(?:allies|partners|friends)\b",
                flags,
            ),
            alliance_start=commonprefix([w.lower() for w in _STANCE.get("alliance_words", [])])
            if lower
            else "",
        )


_STANCE_WORDS = _StanceWords.compile(lower=False)
_REJECTING_CUES = frozenset(w.lower() for w in _STANCE.get("rejecting_cues", []))
_OPPOSITE_STANCE = {"affirms": "denies", "denies": "affirms"}
# Lower-case patterns find in lower-cased text exactly what the IGNORECASE ones find in the text
# when the words are ASCII (see case_free_lower); otherwise only the IGNORECASE ones are used.
_STANCE_LOWER_WORDS = (
    _StanceWords.compile(lower=True)
    if all(
        str(w).isascii()
        for key in (
            "alliance_words",
            "partnership_words",
            "negators",
            "weakening_words",
            "dismissal_words",
            "partial_words",
            "relationship_words",
            "affirming_descriptions",
            "limiting_words",
            "rivalry_words",
            "distrust_words",
        )
        for w in _STANCE.get(key, [])
    )
    else None
)


def _stance_words(text: str) -> tuple[str, _StanceWords]:
    """The text to match stance words in, and the patterns to match there."""
    lowered = case_free_lower(text) if _STANCE_LOWER_WORDS is not None else None
    if lowered is None:
        return text, _STANCE_WORDS
    return lowered, _STANCE_LOWER_WORDS  # type: ignore[return-value]


def _topic(
    statement: _Statement,
    sentence_countries: set[str],
    content: str,
    sentence_text: Callable[[], str],
) -> str:
    """The topic of a statement's content; ``sentence_text`` gives its sentence's text."""
    best, best_hits = "", 0
    lowered = content.lower()
    if len(lowered) == len(content) and _TOPIC_STARTS_RE is not None:
        counted = _topic_hits(lowered)  # lower-casing kept every character in place
    elif len(lowered) == len(content):
        counted = {n: len(p.findall(lowered)) for n, p in _TOPIC_LOWER_RES.items()}
    else:
        counted = {n: len(p.findall(content)) for n, (p, _) in _TOPIC_RES.items()}
    for name, (_, pair) in _TOPIC_RES.items():
        hits = counted.get(name, 0)
        if hits and pair:
            stance_text, words = _stance_words(content)
            countries = sentence_countries | {statement.speaker.country}
            mentions_pair = set(pair) <= countries or (
                statement.speaker.country in pair and words.our_alliance.search(stance_text)
            )
            if not mentions_pair and not words.has_alliance(stance_text):
                hits = 0
            elif not mentions_pair:
                hits = hits if (set(pair) & countries) else 0
        if hits > best_hits:
            best, best_hits = name, hits
    # Refusing the alliance label speaks to the alliance even without the word in the quote.
    if _any_match(_LABEL_REFUSAL_RES, _LABEL_REFUSAL_LOWER_RES, content) and _has_alliance_word(
        sentence_text()
    ):
        return "russia_iran_alliance"
    return best


def _has_alliance_word(text: str) -> bool:
    text, words = _stance_words(text)
    return words.has_alliance(text)


def _topic_hits(lowered: str) -> dict[str, int]:
    """``len(_TOPIC_LOWER_RES[name].findall(lowered))`` for each topic with a hit.

    findall takes the leftmost match, then the next one from its end; every match starts at a
    place ``_TOPIC_STARTS_RE`` finds, so trying a topic's pattern at those places in order (and
    skipping the places inside its last match) counts the same matches.
    """
    hits: dict[str, int] = {}
    ends: dict[str, int] = {}
    for start in _TOPIC_STARTS_RE.finditer(lowered):  # type: ignore[union-attr]
        at = start.start()
        for name in _TOPICS_BY_FIRST.get(lowered[at], ()):
            if at >= ends.get(name, 0):
                match = _TOPIC_LOWER_RES[name].match(lowered, at)
                if match is not None:
                    hits[name] = hits.get(name, 0) + 1
                    ends[name] = match.end()
    return hits


def alliance_stance(content: str, context: str = "") -> str:
    """affirms | denies | qualifies | "" for a statement about the Russia-Iran alliance.

    Each alliance, partnership or solidarity word is looked at within its clause: a negated
    alliance ("not allies", "no alliance") denies; a negated alliance beside an affirmed
    partnership ("not a strategic ally, but a strategic partnership") qualifies, as does an
    affirmed one with limits put on it ("partners of necessity", "allies of convenience") or
    beside rivalry; a relationship described as strategic or close affirms; declaring the
    alliance's weakening a myth (or rift talk wishful thinking) affirms.
    """
    return _alliance_stance(content, lambda: context)


def _alliance_stance(content: str, context: Callable[[], str]) -> str:
    """``alliance_stance``, the context made only if a label refusal needs it."""
    if _any_match(_COMPARATIVE_RES, _COMPARATIVE_LOWER_RES, content):
        return "qualifies"
    # Refusing the label ("I wouldn't use that word") speaks to the alliance beside its word.
    refused = _any_match(
        _LABEL_REFUSAL_RES, _LABEL_REFUSAL_LOWER_RES, content
    ) and _has_alliance_word(context() or content)
    text, words = _stance_words(content)
    negated_alliance = affirmed_alliance = affirmed_partner = False
    negated_partner = partly_negated = limited = rivalry = distrust = weakened = False
    # The relationship may be named in one clause and described in the next ("relations are
    # not tactical; they are strategic")
    about_relations = words.relationship.search(text) is not None
    # "Some hoped they would drift apart. They were wrong.": a rift foretold, then dismissed
    foretold = words.weakening.search(text)
    if (
        foretold is not None
        and not _negated_before(words, text, foretold.start(), reach=15)
        and words.dismissal.search(text, foretold.end()) is not None
    ):
        return "affirms"
    for clause in words.clause_split.split(text):
        if words.weakening.search(clause) and words.dismissal.search(clause):
            # "the weakening of the alliance is a myth", "reports of a rift are propaganda":
            # a statement on the alliance that dismisses its weakening affirms it
            return "affirms"
        for m in words.weakening.finditer(clause):
            if _negated_before(words, clause, m.start(), reach=20):
                affirmed_partner = True  # "There is no crack between Moscow and Tehran"
            elif not words.weakening_hedge.search(clause, max(0, m.start() - 30), m.start()):
                # "the first public crack between Moscow and Tehran" (not "reports of a rift",
                # "any attempt to drive a wedge": someone else's claim or aim)
                weakened = True
        alliances = (
            words.alliance.finditer(clause)
            if not words.alliance_start or words.alliance_start in clause
            else ()
        )
        for match in alliances:
            if _negated_before(words, clause, match.start()):
                negated_alliance = True
            elif not words.weakening.search(clause[max(0, match.start() - 25) : match.start()]):
                affirmed_alliance = True
        distrusted = words.distrust.search(clause) is not None  # "an unreliable partner"
        partners = list(words.partner.finditer(clause))
        distrust |= distrusted and not partners  # "deep distrust of Russia here"
        for match in partners:
            if not distrusted and not _negated_before(words, clause, match.start()):
                affirmed_partner = True
            elif words.limiting.search(clause, max(0, match.start() - 20), match.end() + 21):
                # "no longer situational partners", "not a partnership of convenience": the
                # limit is what is negated, the partnership stands
                affirmed_partner |= not distrusted
            else:
                negated_partner = True
                # "our positions do not coincide in everything", "not always partners": the
                # rest still stands (a partial word right after the word, or before it)
                partial = words.partial.match(clause, match.end() + 1) or words.partial.search(
                    clause, max(0, match.start() - 20), match.start()
                )
                partly_negated |= partial is not None
        if about_relations:
            affirmed_partner |= any(
                not _negated_before(words, clause, m.start(), reach=15)
                for m in words.description.finditer(clause)
            )
        limited |= any(
            # "no longer a marriage of convenience": the limit is what is negated
            not _negated_before(words, clause, m.start(), reach=30, not_just_negates=True)
            for m in words.limiting.finditer(clause)
        )
        for match in words.rivalry.finditer(clause):
            if _negated_before(words, clause, match.start(), reach=15):
                affirmed_partner = True  # "we are not rivals"
            else:
                rivalry = True
    limited = limited or _bounded_by_contrast(words, text)
    if refused:
        return "qualifies" if affirmed_partner else "denies"
    if negated_alliance:
        return "qualifies" if affirmed_partner else "denies"
    if affirmed_alliance or affirmed_partner:
        # "they need each other, but they do not trust each other": both said
        mixed = limited or rivalry or distrust or weakened
        mixed |= negated_partner and not partly_negated
        return "qualifies" if mixed else "affirms"
    if negated_partner:
        return "qualifies" if partly_negated else "denies"
    if rivalry or distrust or weakened:
        return "denies"
    # "the limits of the relationship": a relationship with limits, and nothing else said
    return "qualifies" if limited and about_relations else ""


def _bounded_by_contrast(words: _StanceWords, text: str) -> bool:
    """Whether an alliance or partnership word is followed by a contrast that bounds it:
    "allies in the Caucasus, not in the Middle East", "our partner, not our protector", "our
    partner, but it will not fight for us" (a "but" clause with a negation, in the word's
    sentence or opening the next one).

    Not when the contrast rejects a rivalry, a rift, a limit or another partnership word
    ("partners, not rivals": the stance words say that), says more ("not just"), names
    another kind of the same ("not a commercial one") or is the usual assurance to others
    ("not directed against third countries")."""
    for contrast in _CONTRAST_AFTER_RE.finditer(text):
        opened = max(text.rfind(mark, 0, contrast.start()) for mark in ".;!?")
        if contrast.group("but") and not text[opened + 1 : contrast.start()].strip():
            # "... partners. But ...": the sentence before is the one bounded
            opened = max(text.rfind(mark, 0, opened) for mark in ".;!?")
        before = text[opened + 1 : contrast.start()]
        if not (words.partner.search(before) or words.has_alliance(before)):
            continue
        bound = contrast.group("not") or contrast.group("but")
        if _NO_BOUND_RE.search(bound):
            continue
        if not any(
            pattern.search(bound)
            for pattern in (
                words.partner,
                words.alliance,
                words.rivalry,
                words.weakening,
                words.distrust,
                words.limiting,
            )
        ):
            return True
    return False


# What follows ", not" (not "not just": more, not less), or a "but" clause holding a negation,
# to the end of the sentence
_CONTRAST_AFTER_RE = re.compile(
    r",\s*(?:but\s+)?not\s+(?!(?:only|just|merely|simply|least|even)\b)(?P<not>[^.;!?]+)"
    r"|(?<!nothing )(?<!anything )(?<!all )\bbut\b"
    r"(?P<but>[^.;!?]*?(?:\b(?:not|never|no|cannot)\b|n[’']t\b)[^.;!?]*)",
    re.I,
)
# Another kind of the same ("not a commercial one"), an assurance to others: no bound
_NO_BOUND_RE = re.compile(
    r"\bones?\b|\bagainst (?:any )?(?:third|other) (?:countries|parties|states)"
    r"|\bagainst (?:anyone|anybody)\b",
    re.I,
)


def _rejected_stance(stance: str, content: str) -> str:
    """The stance of a speaker who rejects ``content`` ("denied that they are allies",
    "dismissed reports of a rift"): the opposite of its own (a rift rejected affirms the
    relationship), unless the content already says it is false ("dismissed talk of a rift as
    a Western fantasy")."""
    text, words = _stance_words(content)
    if words.dismissal.search(text):
        return stance
    if stance:
        return _OPPOSITE_STANCE.get(stance, stance)
    return "affirms" if words.weakening.search(text) else ""


def _negated_before(
    words: _StanceWords, clause: str, at: int, reach: int = 40, *, not_just_negates: bool = False
) -> bool:
    """Whether a negator stands in the ``reach`` characters of the clause before ``at``.

    "not just", "no longer merely", "not only" say more, not less: a negator right before one
    of them does not count ("no longer just a marriage of convenience" affirms the marriage),
    unless ``not_just_negates`` (for a limit, which they do deny)."""
    found = words.negator.search(clause, max(0, at - reach), at)
    while found is not None:
        if not_just_negates or not _MORE_THAN_AFTER_RE.match(clause, found.end()):
            return True
        found = words.negator.search(clause, found.end(), at)
    return False


_MORE_THAN_AFTER_RE = re.compile(r"(?:\s+longer)?\s+(?:just|merely|only|simply)\b", re.I)


# --- public API --------------------------------------------------------------------------------


def _scorer():
    try:
        from newsframe.sentiment import polarity_subjectivity
    except ImportError:  # the tone module is optional for this table
        return None
    return polarity_subjectivity


def find_statement_spans(
    article: Article,
    mentions: list[ActorMention] | None = None,
    dates: list[DateMention] | None = None,
) -> list[_Statement]:
    """Internal statements in reading order (exposed for benchmarks and tests).

    ``mentions`` and ``dates`` are the article's actor mentions and date mentions when the
    caller has them already (``find_actor_mentions(article)``, ``find_dates(article)``).
    """
    return _find_statements(article, mentions, dates).statements


def _find_statements(
    article: Article,
    mentions: list[ActorMention] | None = None,
    dates: list[DateMention] | None = None,
) -> _Context:
    """The statements found, in the context they were found in (mentions sorted, quotes...)."""
    paragraphs = _paragraphs(article)
    paragraph_of: dict[int, int] = {}
    p_index = 0
    for sentence in article.sentences:
        while p_index < len(paragraphs) and paragraphs[p_index][1] <= sentence.start:
            p_index += 1
        paragraph_of[sentence.sentence_id] = p_index if p_index < len(paragraphs) else -1
    ctx = _Context(
        article=article,
        mentions=find_actor_mentions(article) if mentions is None else mentions,
        quotes=_find_quotes(article, paragraphs),
        statements=[],
        paragraph_of=paragraph_of,
        paragraphs=paragraphs,
    )
    turns = _transcript_labels(ctx, paragraphs)
    ctx.entries = _entry_labels(ctx, paragraphs)
    _find_cue_statements(ctx, paragraphs)
    _continuations(ctx, paragraphs)
    if turns is not None:
        _transcript_answers(ctx, paragraphs, *turns)
    _full_names(ctx)  # before the dates: "Aras said" is the same speaker as "Kemal Aras told"
    _assign_dates(ctx, find_dates(article) if dates is None else dates)
    _assign_channels(ctx)
    return ctx


# A transcript's turn label at a paragraph's start: "Q (IRNA): ", "A: ", "Dzhagaryan: "
_TURN_LABEL_RE = re.compile(
    rf"(?P<label>Q|A|{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}|[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){{0,2}})"
    r"(?:\s*\([^()\n]{1,40}\))?:\s+(?=\S)"
)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")


def _transcript_labels(
    ctx: _Context, paragraphs: list[tuple[int, int]]
) -> tuple[list[re.Match[str] | None], set[str]] | None:
    """Interviews and briefings printed as a transcript: "Q (IRNA): ..." asks, "A: ..." or
    "Dzhagaryan: ..." answers. A text is read as one only when two paragraphs open with the
    same answer label (a label naming a person, or "A"). Its questions are no one's statements
    ("Q: Israeli officials say ..., is it true?"): kept in ``ctx.questions``, where no
    statement is found. The paragraphs' labels and the answer labels, or None."""
    flat = ctx.article.flat
    labels = [_TURN_LABEL_RE.match(flat, start, end) for start, end in paragraphs]
    counts = Counter(m.group("label") for m in labels if m is not None and m.group("label") != "Q")
    answer_labels = {
        label
        for label in counts
        if label == "A" or _names_a_person(ctx, label, flat.find(label + ":"))
    }
    if not any(counts[label] >= 2 for label in answer_labels):
        return None  # (one guest may speak once, once the text is seen to be a transcript)
    ctx.questions = [
        paragraphs[i] for i, m in enumerate(labels) if m is not None and m.group("label") == "Q"
    ]
    ctx.transcript_start = next(paragraphs[i][0] for i, m in enumerate(labels) if m is not None)
    return labels, answer_labels


def _names_a_person(ctx: _Context, label: str, at: int) -> bool:
    """Whether a label names a person: a listed one, a name of two words or more, or the
    surname of someone the text named in full ("Dzhagaryan", "GREKOV"; not "Claim:",
    "Verdict:", "HOST:")."""
    if any(m.type == "person" for m in ctx.mentions_in(at, at + len(label))):
        return True
    name = label.title() if label.isupper() else label
    listed = lookup_alias(name)
    if listed is not None:
        return listed.type == "person"
    return _unknown_name(name, at) is not None or ctx.full_name_before(name, at) is not None


def _label_speaker(ctx: _Context, label: re.Match[str]) -> _Speaker | None:
    """Who a transcript's name label names ("Dzhagaryan:", "GREKOV:" for Pavel Grekov)."""
    name = label.group("label")
    if not name.isupper():
        return _speaker_from_phrase(ctx, name, label.start())
    return _capitals_speaker(ctx, name, label.start(), "person")


def _capitals_speaker(ctx: _Context, capitals: str, offset: int, kind: str = "") -> _Speaker:
    """Who a name written in capitals is ("GREKOV", "VLADIMIR PUTIN"): a listed actor (of
    ``kind`` when given), else the full name the text gave before, else the name."""
    name = capitals.title()
    listed = lookup_alias(name)
    if listed is not None:
        return _from_actor(listed, capitals, offset, kind)
    full = ctx.full_name_before(name, offset)
    return _Speaker(name=full or name, type="person", surface=name, offset=offset)


# A "What they said" box's entry label, a paragraph of its own: "VLADIMIR PUTIN, RUSSIAN
# PRESIDENT, JAN 17, at a joint news conference:" (the name in capitals, then anything, a colon)
_ENTRY_LABEL_RE = re.compile(
    r"(?P<name>(?:(?:A|AN|THE)\s+)?(?:[A-Z][A-Z’'.-]+\s+){1,4}[A-Z][A-Z’'.-]+)"
    r"(?:,[^\n:]{0,200})?:\s*"
)


def _entry_labels(
    ctx: _Context, paragraphs: list[tuple[int, int]]
) -> list[tuple[int, _Speaker, DateMention | None]]:
    """A "What they said" box: paragraphs that are a speaker's label alone, each opening an
    entry whose statements are that speaker's (a sentence with no subject, "Said the treaty
    ...", a quote standing alone, "he said") and were made on the label's day. Read only when
    two labels or more are found."""
    flat, published = ctx.article.flat, ctx.article.published
    found = []
    for i, (start, end) in enumerate(paragraphs):
        label = _ENTRY_LABEL_RE.fullmatch(flat, start, end)
        if label is None:
            continue
        name = label.group("name").title()
        words = name.split()
        if words[0] in ("A", "An", "The") and lookup_alias(name) is None:
            # "A STATE DEPARTMENT SPOKESPERSON"
            described = [w.lower() if w.lower() in _ROLE_WORDS else w for w in words[1:]]
            speaker = _Speaker(
                name=" ".join(described), type="anonymous", surface=name, offset=start
            )
        else:
            speaker = _capitals_speaker(ctx, label.group("name"), start)
        days = [
            d for d in find_dates_in_text(label.group().title(), published) if d.precision == "day"
        ]
        day = replace(days[-1], start=start, end=end) if days else None
        found.append((i, speaker, day))
    return found if len(found) >= 2 else []


def _entry_at(ctx: _Context, paragraph: int) -> tuple[int, _Speaker, DateMention | None] | None:
    """The entry of a "What they said" box a paragraph belongs to: the last label before it."""
    entry = None
    for found in ctx.entries:
        if found[0] >= paragraph:
            break
        entry = found
    return entry


def _transcript_answers(
    ctx: _Context,
    paragraphs: list[tuple[int, int]],
    labels: list[re.Match[str] | None],
    answer_labels: set[str],
) -> None:
    """A transcript's answers are the answerer's own words (direct, as a block quote is), and
    so are the unlabelled paragraphs in the first person that follow one before the next
    question. "A" is the last speaker before; a name label is who it names."""
    flat = ctx.article.flat
    answer: tuple[_Speaker, str] | None = None
    for i, ((start, end), label) in enumerate(zip(paragraphs, labels, strict=True)):
        removed_before = i > 0 and ctx.article.text[paragraphs[i - 1][1] : start].strip()
        if label is not None and label.group("label") in answer_labels:
            name = label.group("label")
            # ("A" answers as "I" speaks: the last speaker before)
            speaker = (
                _resolve_pronoun(ctx, "i", start) if name == "A" else _label_speaker(ctx, label)
            )
            answer = (speaker, label.group().strip()) if speaker is not None else None
            content_start = label.end()
        elif label is None and answer is not None and not removed_before:
            content_start = start  # the answer goes on, in the first person (not in a quote)
            if not any(
                not ctx.quote_around(m.start()) for m in _FIRST_PERSON_RE.finditer(flat, start, end)
            ):
                answer = None
                continue
        else:
            answer = None
            continue
        if answer is not None:
            _add_answer(ctx, content_start, end, i, *answer)


def _add_answer(
    ctx: _Context, start: int, end: int, paragraph: int, speaker: _Speaker, label: str
) -> None:
    """An answer's words, as one statement per run of its sentences that no other statement
    holds ("When I presented my credentials, Rouhani said to me, “...” I have passed that
    message on": Rouhani's words, then the answerer's)."""
    first = ctx.article.sentence_at(start)
    if first is None:
        return
    # (the answer's sentences only, not every sentence after it)
    sentences = list(
        takewhile(lambda s: s.start < end, islice(ctx.article.sentences, first.sentence_id, None))
    )
    run: list[Sentence] = []
    for sentence in sentences:
        held = any(s.start < sentence.end and sentence.start < s.end for s in ctx.statements)
        if not held:
            run.append(sentence)
        if run and (held or sentence is sentences[-1]):
            added = _add(
                ctx,
                start=max(start, run[0].start),
                end=run[-1].end,
                kind="direct",
                speaker=_copy(speaker),
                cue=label,
                cue_start=start,
                cue_end=start,
                paragraph=paragraph,
                whole=True,
            )
            if added is not None:
                ctx.answers.append(added)
            run = []


def _full_names(ctx: _Context) -> None:
    """A person not in the actor list named by the surname alone ("Borrell said"), after the
    text gave the full name ("EU foreign policy chief Josep Borrell"), is named in full: what
    the list's aliases do for listed people. The nearest full name before ending in that word
    wins; a surname the text never gave in full stays as it is."""
    for statement in ctx.statements:
        speaker = statement.speaker
        # "Naderi", "Mr Naderi", "Bagheri Kani": a surname alone (of one or two words), with or
        # without an honorific
        surname = _HONORIFIC_RE.sub("", speaker.name)
        words = surname.split()
        if (
            speaker.actor_id
            or speaker.type != "person"
            or not 1 <= len(words) <= 2
            or not all(_SURNAME_RE.fullmatch(w) for w in words)
        ):
            continue
        before = speaker.offset if speaker.offset >= 0 else statement.start
        full = ctx.full_name_before(surname, before)
        if full:
            speaker.name = full
        if not speaker.country:
            speaker.country = _country_of_title(ctx, speaker.name)


def _country_of_title(ctx: _Context, name: str) -> str:
    """The country in the title the text first gave a person with ("Iran's Minister of ...
    Issa Zarepour", "Russia's ambassador to Tehran, Alexey Dedov,"), when it gave one."""
    title = _title_before_name(ctx, name)
    return country_of(title) if title.strip() else ""


# How far before a name its title may start ("Russia's ambassador to the Islamic Republic of
# Iran, Alexey Dedov"): a reach, so that a long sentence without a comma is not all title.
TITLE_REACH = 80


def _title_before_name(ctx: _Context, name: str) -> str:
    """The title the text first gave ``name`` with (see ``_title_before``)."""
    at = ctx.article.flat.find(name) if name else -1
    return _title_before(ctx, at) if at >= 0 else ""


def _title_before(ctx: _Context, at: int, earliest: int | None = None) -> str:
    """The words before a name at ``at`` that name that person: "British Foreign Secretary" in
    "British Foreign Secretary David Lammy", or the appositive before the comma in "Russia's
    ambassador to Tehran, Alexey Dedov,". Within the name's sentence, from ``earliest`` (by
    default the ``TITLE_REACH`` characters before the name)."""
    sentence = ctx.article.sentence_at(at)
    if sentence is None:
        return ""
    earliest = at - TITLE_REACH if earliest is None else earliest
    # (a semicolon ends a list's item: "Members present: A (Chair); B; C")
    before = ctx.article.flat[max(sentence.start, earliest, 0) : at].rsplit(";", 1)[-1]
    segments = before.split(",")
    return segments[-1] if segments[-1].strip() or len(segments) < 2 else segments[-2]


def extract_statements(
    article: Article,
    *,
    score: bool = True,
    mentions: list[ActorMention] | None = None,
    dates: list[DateMention] | None = None,
    sentence_scores: Sequence[Sequence[float | int | None]] | None = None,
) -> list[dict[str, object]]:
    """Rows of statements.csv for one article, in reading order.

    ``polarity``/``subjectivity`` of each quote are TextBlob's on the quote text
    (``newsframe.sentiment.polarity_subjectivity``); ``score=False`` leaves them out.
    ``mentions`` and ``dates`` (the article's actor and date mentions) and ``sentence_scores``
    (``score_texts`` of the sentences' clean texts, in sentence order) may be passed when the
    caller has them already: they are then not computed again, and a quote that is a whole
    sentence takes its sentence's polarity and subjectivity instead of a second TextBlob pass.
    """
    if mentions is None:
        mentions = find_actor_mentions(article)
    ctx = _find_statements(article, mentions, dates)
    statements = ctx.statements
    by_start, mention_starts = ctx.mentions, ctx.mention_starts  # sorted by start
    quotes = [article.readable(s.start, s.end) for s in statements]
    # The readable text of a statement's sentence (the quote when it has none) is only needed
    # when a quote refuses the alliance label: made then, once per sentence.
    sentence_texts: dict[int, str] = {}

    def sentence_text(sentence: Sentence | None, quote: str) -> str:
        if sentence is None:
            return quote
        text = sentence_texts.get(sentence.sentence_id)
        if text is None:
            text = sentence_texts[sentence.sentence_id] = article.readable(
                sentence.start, sentence.end
            )
        return text

    rows: list[dict[str, object]] = []
    for n, (statement, quote) in enumerate(zip(statements, quotes, strict=True), start=1):
        sentence = article.sentence_at(statement.start)
        context = partial(sentence_text, sentence, quote)
        # The countries named around the statement, for a topic about a pair of countries: its
        # paragraph (the speaker's counterpart is often named in the sentence before the quote)
        span = (sentence.start, sentence.end) if sentence else (statement.start, statement.end)
        if sentence is not None and sentence.sentence_id in ctx.paragraph_of:
            paragraph = ctx.paragraphs[ctx.paragraph_of[sentence.sentence_id]]
            span = (min(span[0], paragraph[0]), max(span[1], paragraph[1]))
        countries = {
            m.country
            for m in by_start[
                bisect_left(mention_starts, span[0]) : bisect_left(
                    mention_starts, max(span[1], statement.end)
                )
            ]
            if m.country
        }
        topic = _topic(statement, countries, quote, context)
        stance = _alliance_stance(quote, context) if topic == "russia_iran_alliance" else ""
        if topic == "russia_iran_alliance" and statement.cue.lower() in _REJECTING_CUES:
            stance = _rejected_stance(stance, quote)
        said_on, precision, basis = "", "unknown", "unknown"
        if (
            statement.date is not None
            and statement.date.value is not None
            and statement.date.precision in ("day", "month", "year")
        ):
            said_on = statement.date.value.isoformat()
            precision = statement.date.precision
            basis = (
                statement.date.basis
                if statement.date.basis in ("explicit", "relative")
                else "unknown"
            )
        speaker = statement.speaker
        row: dict[str, object] = {
            "statement_id": f"{article.article_id}-q{n:03d}",
            "article_id": article.article_id,
            "sentence_id": sentence.sentence_id if sentence else -1,
            "start": statement.start,
            "end": statement.end,
            "kind": statement.kind,
            "speaker": speaker.name,
            "speaker_id": speaker.actor_id,
            "speaker_country": speaker.country,
            "speaker_role": speaker.role,
            "speaker_type": speaker.type,
            "cue": statement.cue,
            "channel": statement.channel,
            "quote": quote,
            "said_on": said_on,
            "said_on_precision": precision,
            "date_basis": basis,
            "topic": topic,
            "stance": stance,
        }
        rows.append(row)
    scores = score_quotes(article, quotes, sentence_scores) if score else None
    if scores is not None:
        for row, (polarity, subjectivity) in zip(rows, scores, strict=True):
            row["polarity"], row["subjectivity"] = polarity, subjectivity
    return rows


def score_quotes(
    article: Article,
    quotes: Sequence[str],
    sentence_scores: Sequence[Sequence[float | int | None]] | None = None,
) -> list[tuple[float, float]] | None:
    """TextBlob's (polarity, subjectivity) of each quote text (None without the tone module).

    The one place statements are scored. ``sentence_scores`` are ``score_texts`` of the
    article's sentences' clean texts, in sentence order, when the caller has them: a quote that
    is exactly a sentence's clean text takes its polarity and subjectivity from there (the same
    TextBlob values). Every other distinct quote text is scored once.
    """
    scorer = _scorer()
    if scorer is None:
        return None
    scored: dict[str, tuple[float, float]] = {}
    if sentence_scores is not None:
        for sentence, values in zip(article.sentences, sentence_scores, strict=True):
            scored.setdefault(sentence.clean, (values[0], values[1]))  # type: ignore[arg-type]
    out: list[tuple[float, float]] = []
    for quote in quotes:
        values = scored.get(quote)
        if values is None:
            values = scored[quote] = scorer(quote)
        out.append(values)
    return out


def said_on_date(row: dict[str, object]) -> date | None:
    """The ``said_on`` of a statement row as a date (None when empty)."""
    value = str(row.get("said_on") or "")
    return date.fromisoformat(value) if value else None
