"""Sentence tone: TextBlob's polarity and subjectivity, plus a calibrated domain ``tone``.

TextBlob's pattern lexicon was built on product reviews. On diplomatic and conflict news it
scores "latest" +0.5 and "foreign" -0.125, and gives "attacks", "tensions", "enemies" nothing,
so its polarity barely tracks how an analyst reads a sentence. ``tone`` keeps TextBlob's single
pass (its per-word assessments come with the polarity for free) and layers a domain lexicon
(``data/tone_lexicon.csv``) on top:

- a word in the domain lexicon gets the domain score and TextBlob's score for it is dropped;
- a domain word after a negation ("not allies", "no tension") gets -0.5 x its score, as TextBlob
  treats "not good" (negators, contrast and concessive markers come from ``frame_cues.yaml``,
  shared with framing);
- in "X, but Y" the part after the contrast counts 1.5x and the part before 0.5x (the writer's
  point is what follows "but"); a concessive clause ("although X", "despite X") counts 0.5x;
- tone is the weighted mean of the non-zero word scores (domain words weigh 1, TextBlob-only
  words 0.5), so it stays in -1..+1 and a sentence with only neutral scored words is 0.

A sentence in which neither lexicon scored any word has tone ``None``: unknown, not neutral.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from types import ModuleType

from newsframe.actors import ActorMention, find_actor_mentions
from newsframe.reference import read_reference_csv, read_reference_yaml
from newsframe.runtime import pd

# TextBlob's own scores are for reviews; where the domain lexicon has no opinion they still carry
# some signal ("serious", "anger"), but less than a domain word.
TEXTBLOB_WEIGHT = 0.5
DOMAIN_WEIGHT = 1.0
NEGATED_FACTOR = -0.5  # TextBlob's own convention: "not good" = slightly bad
NEGATION_WINDOW = 3  # words between a negation and the word it negates
AFTER_CONTRAST = 1.5
BEFORE_CONTRAST = 0.5
CONCESSIVE = 0.5
MIN_STEM = 4
MEMO_LIMIT = 100_000  # words whose domain score is remembered

# Words (with inner hyphens and apostrophes) and the punctuation that ends a negation's reach.
_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*|[.,;:!?()\"“”—–]")
_CLAUSE_BREAK = frozenset('.,;:!?()"“”—–')

Score = tuple[float, float, int, float | None]


def _textblob_sentiment_modules() -> tuple[ModuleType, ModuleType]:
    """``textblob._text`` and ``textblob.en``, without running ``textblob/__init__.py``.

    TextBlob's package ``__init__`` imports its ``TextBlob`` class and with it NLTK: 0.13 s of
    every start, for tokenizers and taggers newsframe never calls. Sentiment needs only these
    two modules, which import nothing else from TextBlob. When TextBlob is already imported
    they are its own; otherwise they are imported under a placeholder package and taken out of
    ``sys.modules`` again, so that a later ``import textblob`` is the real, complete package.
    """
    names = ("textblob._text", "textblob.en")
    if "textblob" in sys.modules:
        return importlib.import_module(names[0]), importlib.import_module(names[1])
    spec = importlib.util.find_spec("textblob")
    if spec is None:  # as ``import textblob`` would fail (an assert would vanish under -O)
        raise ModuleNotFoundError("No module named 'textblob'", name="textblob")
    sys.modules["textblob"] = importlib.util.module_from_spec(spec)  # its __init__ not run
    try:
        return importlib.import_module(names[0]), importlib.import_module(names[1])
    finally:
        for name in [n for n in sys.modules if n == "textblob" or n.startswith("textblob.")]:
            del sys.modules[name]


_textblob_text, _textblob_en = _textblob_sentiment_modules()


class _LoadedSentiment(_textblob_en.Sentiment):
    """TextBlob's English analyser (what ``TextBlob(x).sentiment`` calls), loaded up front.

    Same lexicon file, same settings, same scores and assessments: only the speed changes.

    - TextBlob's lexicon is a ``lazydict`` that routes every ``word in lexicon`` and
      ``lexicon[word]`` through a Python method checking whether the file is loaded yet, three
      times per word; once it is loaded, plain ``dict`` lookups give the same answers.
    - The tokenizer is ``_RememberingTokenizer`` around TextBlob's own.
    - A text's words are assessed by ``_assess``: TextBlob's ``assessments`` loop, step for
      step, over tables made once at load (each word's scores and whether it modifies the next
      word, the emoticons). TextBlob's own loop tests each of those per word: for every short
      token that is not a letter word (a number, "'s", a quote mark) it lower-cases all 90
      emoticons, one by one. The tests compare both on arbitrary words and text.
    """

    __contains__ = dict.__contains__
    __getitem__ = dict.__getitem__
    get = dict.get

    def load(self, path: str | None = None) -> None:
        super().load(path)
        # word -> (polarity, subjectivity, intensity, modifies the next word), for the words
        # ``assessments`` scores when no part of speech is given (TextBlob's ``pos in self[w]``)
        self._scored = {
            word: (*forms[None], any(tag in forms for tag in self.modifiers))
            for word, forms in dict.items(self)
            if None in forms
        }
        emoticons: dict[str, float] = {}
        for (_expression, polarity), forms in _textblob_text.EMOTICONS.items():
            for form in forms:  # as ``assessments`` matches them: lower case, first group wins
                form = form.lower()
                if not form.isalpha() and len(form) <= 5 and form not in _PUNCTUATION:
                    emoticons.setdefault(form, polarity)
        self._emoticons = emoticons
        self._negations = frozenset(self.negations)

    def __call__(self, s: object, negation: bool = True, **kwargs: object) -> object:
        if type(s) is not str or kwargs:  # TextBlob's own path for everything else
            return super().__call__(s, negation, **kwargs)
        # lower() per word or of the joined words: the same words (no letter lowers to a space)
        assessed = self._assess(" ".join(self.tokenizer(s)).lower().split(), negation=negation)
        # TextBlob's ``avg`` with weight 1: the same sums in the same order
        count = float(len(assessed) or 1)
        return _textblob_text.Score(
            polarity=sum([chunk[1] for chunk in assessed]) / count,
            subjectivity=sum([chunk[2] for chunk in assessed]) / count,
            assessments=assessed,
        )

    def _assess(
        self, words: list[str], negation: bool = True
    ) -> list[tuple[list[str], float, float, str | None]]:
        """``self.assessments((w, None) for w in words)``, TextBlob's loop with its tables
        looked up once per word. A chunk is [words, polarity, subjectivity, intensity,
        negated (-1) or not (1), label] until the end, as TextBlob's dicts are."""
        scored, labels, emoticons = self._scored, self.labeler, self._emoticons
        negations = self._negations if negation else frozenset()
        modifier, untagged_modifies = self.modifier, None in self.modifiers
        a: list[list] = []
        m: str | None = None  # preceding modifier ("really good")
        n: str | None = None  # preceding negation ("not good")
        for w in words:
            known = scored.get(w)
            if known is not None:
                p, s, i, modifies = known
                if m is None:
                    a.append([[w], p, s, i, 1, labels.get(w)])
                else:
                    last = a[-1]
                    last[0].append(w)
                    last[1] = max(-1.0, min(p * last[3], +1.0))
                    last[2] = max(-1.0, min(s * last[3], +1.0))
                    last[3] = i
                    last[5] = labels.get(w)
                if n is not None:
                    last = a[-1]
                    last[0].insert(0, n)
                    last[3] = 1.0 / last[3]
                    last[4] = -1
                m = w if modifies else None
                n = w if w in negations else None
                continue
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None  # a negation reaches over small words only ("not a good")
            if n is not None and m is not None and (untagged_modifies or modifier(m)):
                last = a[-1]
                last[0].append(n)  # "really not good"
                last[4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and a:
                last = a[-1]
                last[0].append("!")
                last[1] = max(-1.0, min(last[1] * 1.25, +1.0))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, _textblob_text.IRONY])
            mood = emoticons.get(w)
            if mood is not None:
                a.append([[w], mood, 1.0, 1.0, 1, _textblob_text.MOOD])
        return [(w, p * -0.5 if n < 0 else p, s, x) for w, p, s, _i, n, x in a]


class _RememberingTokenizer:
    """TextBlob's tokenizer (``find_tokens``): the same words, about 3.5x faster on news.

    ``find_tokens`` works in three steps, and ``Sentiment`` keeps only the words, in order:

    1. Whole-text edits: a space before "n't" (its other contraction rules add a space before
       an apostrophe, which it then surrounds with spaces anyway), spaces around quote marks,
       a blank line becomes an END-OF-SENTENCE marker, white space is collapsed.
    2. Each white-space separated token is split into words and punctuation on its own, by
       rules (abbreviations, "...", leading and trailing punctuation) that read that token only.
    3. Words are grouped into sentences, END-OF-SENTENCE markers dropped, and two patterns
       rewritten inside each sentence: "( ! )" becomes "(!)", a spaced emoticon (": )") is
       joined (":)").

    Here step 1 runs as string methods, step 2 as ``find_tokens`` of each distinct token,
    remembered (news repeats its words; the markers come out of it dropped), and step 3 is
    left out when it cannot change anything: when neither pattern matches anywhere in the
    words, no sentence of them holds a match either. Otherwise the text goes through
    ``find_tokens`` whole. The tests compare both on arbitrary text.

    A sentence of remembered tokens costs about 12 us instead of 44; one whose tokens are all
    new costs about twice ``find_tokens`` (the new tokens go through it together, with a
    separator between each two).
    """

    def __init__(self, find_tokens: Callable[[str], list[str]], limit: int = 50_000) -> None:
        self.find_tokens = find_tokens
        self.limit = limit  # tokens remembered (a bound on memory; the words do not depend on it)
        self.memo: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        edited = text.replace("n't", " n't")
        for mark, spaced in _SPACED_QUOTES:  # str.replace: ~10x faster than a translate table
            if mark in edited:
                edited = edited.replace(mark, spaced)
        if "\n" in edited:
            edited = _BLANK_LINES.sub(_SENTENCE_END, edited.replace("\r\n", "\n"))
        tokens = edited.split()  # str.split's white space is exactly what ``\s`` matches
        memo = self.memo
        found = list(map(memo.get, tokens))
        if None in found:
            new = self._split({t for t, f in zip(tokens, found, strict=True) if f is None})
            if len(memo) < self.limit:
                memo.update(new)
            found = [new[t] if f is None else f for t, f in zip(tokens, found, strict=True)]
        words = list(chain.from_iterable(found))  # type: ignore[arg-type]
        joined = " ".join(words)
        if ("(" in joined and _SARCASM.search(joined)) or _EMOTICONS.search(joined):
            return self.find_tokens(text)
        return words

    def _split(self, tokens: set[str]) -> dict[str, tuple[str, ...]]:
        """Step 2 for tokens not remembered: one ``find_tokens`` call over them all, a
        separator token between each two (it has no punctuation to split off and is part of no
        emoticon, so nothing joins across it; a token holding it goes alone)."""
        alone = sorted(t for t in tokens if _SEPARATOR in t)
        together = sorted(tokens.difference(alone))
        split = {t: tuple(" ".join(self.find_tokens(t)).split()) for t in alone}
        if not together:
            return split
        words = " ".join(self.find_tokens(f" {_SEPARATOR} ".join(together))).split()
        pieces: list[list[str]] = [[]]
        for word in words:
            if word == _SEPARATOR:
                pieces.append([])
            else:
                pieces[-1].append(word)
        split.update(zip(together, map(tuple, pieces), strict=True))
        return split


_SPACED_QUOTES = tuple((mark, f" {mark} ") for mark in "“”‘’'\"")
_BLANK_LINES = re.compile(r"\n{2,}")  # find_tokens' ``linebreak``
_SENTENCE_END = f" {_textblob_text.EOS} "
_SEPARATOR = "\x01"
_SARCASM = _textblob_text.RE_SARCASM
_PUNCTUATION = _textblob_text.PUNCTUATION
_EMOTICONS = _textblob_text.RE_EMOTICONS


@cache
def _pattern_analyser() -> _LoadedSentiment:
    model = _textblob_en.sentiment
    analyser = _LoadedSentiment(
        path=model.path,
        synset=model._synset,
        negations=model.negations,
        modifiers=model.modifiers,
        modifier=model.modifier,
        tokenizer=_RememberingTokenizer(model.tokenizer),
        language="en",
    )
    analyser.load()
    return analyser


def _pattern_sentiment(text: str) -> tuple[float, float]:
    """TextBlob's (polarity, subjectivity) of ``text``; the tuple carries ``.assessments``."""
    return _pattern_analyser()(text)


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    words: dict[str, float]  # exact single words
    stems: dict[str, float]  # prefix -> score, for "escalat*"
    phrases: dict[tuple[str, ...], float]  # multi-word terms, matched before their words
    max_phrase: int
    # From frame_cues.yaml, shared with framing: word sequences that negate, pivot, concede.
    # Keyed by their last word, so a token is checked with one dict lookup.
    negators: dict[str, tuple[tuple[str, ...], ...]]
    contrasts: dict[str, tuple[tuple[str, ...], ...]]
    concessives: dict[str, tuple[tuple[str, ...], ...]]
    # Derived, for speed: the phrase sizes starting with each first word (longest first), the
    # stem lengths (longest first), the words that can end a contrast or concessive marker, and
    # a memo of word scores (bounded: cleared when it grows past MEMO_LIMIT).
    phrase_sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    stem_cuts: tuple[int, ...] = ()
    clause_keys: frozenset[str] = frozenset()
    memo: dict[str, float | None] = field(default_factory=dict)

    def word_score(self, word: str) -> float | None:
        memo = self.memo
        if word in memo:
            return memo[word]
        if word in self.words:
            score: float | None = self.words[word]
        else:
            # Longest stem first, so "cooperat*" wins over a shorter listed stem.
            score = None
            size = len(word)
            for cut in self.stem_cuts:
                if cut <= size:
                    score = self.stems.get(word[:cut])
                    if score is not None:
                        break
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[word] = score
        return score


@cache
def tone_lexicon() -> ToneLexicon:
    """The domain lexicon from ``data/tone_lexicon.csv``, compiled once."""
    words: dict[str, float] = {}
    stems: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    for row in read_reference_csv("tone_lexicon.csv"):
        term, score = row["term"].lower().strip(), float(row["score"])
        if not term:
            continue
        parts = tuple(term.split())
        if len(parts) > 1:
            phrases[parts] = score
        elif term.endswith("*"):
            stem = term[:-1]
            if len(stem) < MIN_STEM:
                raise ValueError(f"tone_lexicon.csv: stem {term!r} shorter than {MIN_STEM}")
            stems[stem] = score
        else:
            words[term] = score
    max_phrase = max((len(p) for p in phrases), default=1)
    cues = read_reference_yaml("frame_cues.yaml")

    def sequences(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for cue in cues.get(name, []):
            if cue != "n't":  # "n't" hangs on its verb ("wouldn't"): recognised by its ending
                words = tuple(str(cue).lower().split())
                by_last.setdefault(words[-1], []).append(words)
        return {last: tuple(seqs) for last, seqs in by_last.items()}

    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    contrasts, concessives = sequences("contrast_markers"), sequences("concessive_markers")
    return ToneLexicon(
        words,
        stems,
        phrases,
        max_phrase,
        negators=sequences("negators"),
        contrasts=contrasts,
        concessives=concessives,
        phrase_sizes={w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()},
        stem_cuts=tuple(sorted({len(stem) for stem in stems}, reverse=True)),
        clause_keys=frozenset(contrasts) | frozenset(concessives),
    )


def _tokens(text: str) -> list[str]:
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    return _TOKEN.findall(lowered)


def _ends_with(
    tokens: list[str], end: int, sequences: dict[str, tuple[tuple[str, ...], ...]]
) -> bool:
    """Whether one of ``sequences`` ends at token ``end`` (inclusive)."""
    candidates = sequences.get(tokens[end])
    if candidates is None:
        return False
    return any(
        len(seq) == 1 or tuple(tokens[end - len(seq) + 1 : end + 1]) == seq for seq in candidates
    )


def _is_negator(tokens: list[str], k: int, lexicon: ToneLexicon) -> bool:
    token = tokens[k]
    return token.endswith("n't") or (
        token in lexicon.negators and _ends_with(tokens, k, lexicon.negators)
    )


def _clause_weights(tokens: list[str], lexicon: ToneLexicon) -> list[float]:
    """Weight of each token's position: contrast and concession shift where the point lies."""
    weights = [1.0] * len(tokens)
    keys = lexicon.clause_keys
    if keys.isdisjoint(tokens):
        return weights  # no contrast or concessive marker: the common case
    marks = [i for i, token in enumerate(tokens) if token in keys]
    for i in marks:
        if i >= 1 and _ends_with(tokens, i, lexicon.contrasts):
            for j in range(i):
                weights[j] *= BEFORE_CONTRAST
            for j in range(i + 1, len(tokens)):
                weights[j] *= AFTER_CONTRAST
            break  # one pivot per sentence, as in VADER
    for i in marks:
        if _ends_with(tokens, i, lexicon.concessives):
            j = i + 1
            while j < len(tokens) and tokens[j] not in _CLAUSE_BREAK:
                weights[j] *= CONCESSIVE
                j += 1
    return weights


def _domain_hits(tokens: list[str], lexicon: ToneLexicon) -> list[tuple[int, int, float]]:
    """(first token, last token + 1, score) of each domain term, negation applied."""
    hits: list[tuple[int, int, float]] = []
    i, n = 0, len(tokens)
    phrase_sizes, phrases, word_score = lexicon.phrase_sizes, lexicon.phrases, lexicon.word_score
    memo = lexicon.memo
    while i < n:
        found: tuple[int, float] | None = None
        for size in phrase_sizes.get(tokens[i], ()):  # longest phrase first
            if size <= n - i:
                score = phrases.get(tuple(tokens[i : i + size]))
                if score is not None:
                    found = (size, score)
                    break
        if found is None:
            token = tokens[i]
            score = memo[token] if token in memo else word_score(token)
            if score is not None:
                found = (1, score)
        if found is None:
            i += 1
            continue
        size, score = found
        # A negation reaches forward over a few words but not over a clause break.
        for k in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
            if tokens[k] in _CLAUSE_BREAK:
                break
            if _is_negator(tokens, k, lexicon):
                score *= NEGATED_FACTOR
                break
        hits.append((i, i + size, score))
        i += size
    return hits


def score_text(text: str) -> Score:
    """(polarity, subjectivity, n_scored_words, tone) of one sentence.

    ``polarity``/``subjectivity`` are exactly ``TextBlob(text).sentiment``; ``n_scored_words`` is
    how many words (or modifier+word chunks) TextBlob's lexicon scored; ``tone`` is the domain
    tone in -1..+1, or None when neither lexicon scored anything (unknown, not neutral).
    """
    result = _pattern_sentiment(text)  # one pass: polarity, subjectivity and per-word assessments
    polarity, subjectivity = float(result[0]), float(result[1])
    assessments = result.assessments
    lexicon = tone_lexicon()
    tokens = _tokens(text)
    hits = _domain_hits(tokens, lexicon)
    if not assessments and not hits:
        return polarity, subjectivity, 0, None

    weights = _clause_weights(tokens, lexicon)
    covered: set[int] = set()
    total = weight_sum = 0.0
    for first, last, score in hits:
        covered.update(range(first, last))
        if score:
            w = DOMAIN_WEIGHT * weights[first]
            total += w * score
            weight_sum += w
    # TextBlob's assessed chunks, in text order: find each in the tokens to know its clause
    # weight and whether the domain lexicon already spoke for that word.
    cursor = 0
    for words, score, _subjectivity, _label in assessments:
        head = words[-1]  # the scored word; earlier words are its negation/modifiers
        position = _find(tokens, head, cursor)
        if position is None:
            in_domain = lexicon.word_score(head) is not None
            weight = 1.0
        else:
            cursor = position + 1
            in_domain = position in covered
            weight = weights[position]
        if in_domain or not score:
            continue
        w = TEXTBLOB_WEIGHT * weight
        total += w * score
        weight_sum += w
    tone = total / weight_sum if weight_sum else 0.0
    return polarity, subjectivity, len(assessments), max(-1.0, min(1.0, tone))


def polarity_subjectivity(text: str) -> tuple[float, float]:
    """``TextBlob(text).sentiment`` as (polarity, subjectivity), without the domain tone.

    Exactly ``score_text(text)[:2]`` at the cost of TextBlob's pass alone: what a statement's
    quote needs.
    """
    result = _pattern_sentiment(text)
    return float(result[0]), float(result[1])


def _find(tokens: list[str], word: str, start: int) -> int | None:
    for i in range(start, len(tokens)):
        if tokens[i] == word:
            return i
    return None


def score_texts(texts: Iterable[str]) -> list[Score]:
    """``score_text`` for many texts, in order; identical texts are scored once."""
    seen: dict[str, Score] = {}
    out: list[Score] = []
    for text in texts:
        score = seen.get(text)
        if score is None:
            score = seen[text] = score_text(text)
        out.append(score)
    return out


def article_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article: mean polarity, subjectivity and tone over its sentences, with counts.

    ``tone`` averages only sentences with a known tone; ``n_tone_unknown`` says how many had none,
    so a chart can show an article's tone rests on few sentences.
    """
    frame = sentences.copy()
    frame["tone_known"] = frame["tone"].notna()
    grouped = frame.groupby("article_id", sort=True)
    out = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "n_tone_known": grouped["tone_known"].sum().astype(int),
            "polarity": grouped["polarity"].mean(),
            "subjectivity": grouped["subjectivity"].mean(),
            "tone": grouped["tone"].mean(),
        }
    )
    out["n_tone_unknown"] = out["n_sentences"] - out["n_tone_known"]
    return out.reset_index()


def _matches_target(mention: ActorMention, target: str) -> bool:
    """A mention is of ``target``: an ISO country code ("RUS"), an actor_id or a canonical name."""
    if len(target) == 3 and target.isupper():
        return mention.country == target
    return target in (mention.actor_id, mention.name)


def mentions_target(text: str, target: str | tuple[str, str]) -> bool:
    """Whether ``text`` mentions the target (one actor/country, or both members of a pair)."""
    mentions = find_actor_mentions(text)
    wanted = (target,) if isinstance(target, str) else tuple(target)
    return all(any(_matches_target(m, t) for m in mentions) for t in wanted)


def targeted_tone(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    target: str | tuple[str, str],
    freq: str = "M",
) -> pd.DataFrame:
    """Tone of the sentences that mention ``target``, per outlet and period.

    ``target`` is a country code ("RUS": any Russian actor, Moscow, the Kremlin), an actor_id or
    canonical name ("Sergei Ryabkov"), or a pair ("RUS", "IRN") for sentences naming both.
    ``freq`` is a pandas period frequency ("M" month, "Q", "Y") over the articles' ``published``
    date; undated articles fall in period "unknown" rather than being dropped. Rows carry
    ``n_articles, n_sentences, n_tone_known`` beside ``tone`` (mean of known tones) and
    ``polarity`` (TextBlob's mean), so a thin cell is visible as thin.
    """
    columns = ["outlet", "period", "n_articles", "n_sentences", "n_tone_known", "tone", "polarity"]
    texts = sentences["text"].astype(str)
    hit = texts.map(lambda text: mentions_target(text, target)).astype(bool)
    chosen = sentences[hit.to_numpy()]
    if chosen.empty:
        return pd.DataFrame(columns=columns)
    meta = articles.set_index("article_id")
    published = pd.to_datetime(meta["published"], errors="coerce")
    period = published.dt.to_period(freq).astype(str).where(published.notna(), "unknown")
    frame = chosen.assign(
        outlet=chosen["article_id"].map(meta["outlet"]).fillna("").astype(str),
        period=chosen["article_id"].map(period),
        tone_known=chosen["tone"].notna(),
    )
    grouped = frame.groupby(["outlet", "period"], sort=True)
    out = grouped.agg(
        n_articles=("article_id", "nunique"),
        n_sentences=("sentence_id", "size"),
        n_tone_known=("tone_known", "sum"),
        tone=("tone", "mean"),
        polarity=("polarity", "mean"),
    ).reset_index()
    out["n_tone_known"] = out["n_tone_known"].astype("int64")
    return out[columns]
