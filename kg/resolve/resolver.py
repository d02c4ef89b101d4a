"""The resolver: every mention of a fact to the one canonical entity it names.

Order of evidence for a name, first that answers wins:

1. ``ontology/aliases.tsv``, the user's overrides (force a key, or keep a name apart);
2. a surname whose full name this article writes ("Biden" after "U.S. President Joe Biden");
3. the alias table of earlier builds (``out/aliases.tsv``), so that a name keeps its key;
4. the gazetteer: countries, capitals and seats of power, organisations, people;
5. a country or demonym before a government noun ("the Ukrainian delegation"), or a
   leader's administration ("the Biden administration");
6. the name without its titles ("President Volodymyr Zelensky"), then a surname the
   gazetteer or the alias table knows of only one person;
7. otherwise a new entity keyed by its class and its name as written.

Pronouns and definite descriptions go to :mod:`kg.resolve.coref`, agreements to
:mod:`kg.resolve.agreements`. A fact whose subject or object cannot be resolved is
dropped and counted in :attr:`Resolver.unresolved`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from kg.errors import ResolveError
from kg.nlp import entities
from kg.resolve.agreements import identify, phrase
from kg.resolve.aliases import KEEP_APART, AliasTable, read_overrides
from kg.resolve.context import ArticleContext, agreement_heads, article_context, head_of, noun_phrase, parties_of
from kg.resolve.coref import PRONOUNS
from kg.resolve.gazetteer import Entry, Gazetteer, load_gazetteer
from kg.resolve.names import Stripped, clean, norm, slug, split_coordination, strip_titles, surname
from kg.resources import ontology_file
from kg.types import Article, Entity, Fact, Mention, ResolvedFact

__all__ = ["Resolver", "ResolveError", "LABEL_TYPES"]

LABEL_TYPES = {
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "PERSON": "Person",
    "ORG": "Organization",
    "NORP": "Actor",
    "EVENT": "Event",
    "AGREEMENT": "Agreement",
}
"""The class of an entity no data file knows, from the label of its mention (else Actor)."""

_ANAPHORS = frozenset({"PRON", "DESC"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
FIRST_PERSON = {"i": "Person", "me": "Person", "my": "Person", "we": "*", "us": "*", "our": "*"}
"""First-person pronouns of a quote: the speaker ("I"), or who the speaker speaks for ("we")."""
_OF_PHRASE = re.compile(r"^(\w+) of (.+)$")
_DEFINITE = re.compile(r"^(?:the|this|that|such an?)\s", re.I)


class Resolver:
    """Maps mentions to canonical entities; keeps an alias table across builds.

    Attributes:
        alias_table: Where the alias table is read from and saved to.
        unresolved: Facts dropped, by reason ("pronoun", "description", "agreement",
            "self-reference"): print it after a build to see what coreference missed.
        parties: Agreement key -> the keys of its parties, as far as the text says.

    Examples:
        >>> from kg.types import Mention
        >>> r = Resolver(None)
        >>> r.entity(Mention("the U.S.", "GPE", 0, 8)).key
        'country/united-states'
        >>> r.entity(Mention("President Volodymyr Zelenskiy", "PERSON", 0, 29)).wikidata
        'Q3881980'
    """

    def __init__(self, alias_table: Path | None = None, *, overrides: Path | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.alias_table = alias_table
        self.gazetteer = gazetteer or load_gazetteer()
        self.table = AliasTable.load(alias_table)
        self.overrides = read_overrides(overrides or ontology_file("aliases.tsv"))
        self.unresolved: Counter[str] = Counter()
        self.parties: dict[str, tuple[str, ...]] = {}
        self._entries: dict[str, Entry] = {}
        self._aliases: dict[str, set[str]] = defaultdict(set)
        self._article_aliases: dict[str, set[str]] = defaultdict(set)  # the names met in the article at hand
        self._unrecorded: set[str] = set()  # keys met since the last record()
        self._rank: dict[str, int] = {}  # each key's place in _entries, to record in the order keys were met
        self._specific: dict[frozenset[str], Entry] = {}

    # -- names -------------------------------------------------------------------

    def _by_key(self, key: str, alias: str) -> Entry:
        if key in self.gazetteer.by_key:
            return self.gazetteer.by_key[key]
        if key in self._entries:
            return self._entries[key]
        known = self.table.known.get(key)
        if known is not None:
            return Entry(key=key, label=known.label, type=known.type)
        type_ = key.split("/", 1)[0].capitalize()
        return Entry(key=key, label=clean(alias), type=type_ if type_ in LABEL_TYPES.values() else "Actor")

    def _literal(self, name: str, label: str) -> Entry:
        type_ = LABEL_TYPES.get(label, "Actor")
        if type_ == "Person":
            name = self._strip(name).name or name
        return self._by_key(f"{type_.lower()}/{slug(name)}", name)

    def _strip(self, name: str) -> Stripped:
        g = self.gazetteer

        def is_person(text: str) -> bool:
            entry = g.lookup(text)
            return entry is not None and entry.type == "Person"

        return strip_titles(name, g.titles, lambda w: g.country_of(w) is not None, is_person)

    def _owner(self, owner: str, people: dict[str, Entry]) -> Entry | None:
        """Who a government noun belongs to: a country, or a leader's country."""
        country = self.gazetteer.country_of(owner)
        if country is not None:
            return country
        entry = self._single(owner, "", people)
        if entry is not None and entry.type == "Person" and entry.country in self.gazetteer.by_key:
            return self.gazetteer.by_key[entry.country]
        return entry if entry is not None and entry.type in ("Country", "Organization") else None

    def _person_by_surname(self, name: str) -> Entry | None:
        entry = self.gazetteer.person_by_surname(name)
        if entry is not None:
            return entry
        keys = {k for k, known in self.table.known.items() if known.type == "Person" and surname(known.label) == norm(name)}
        return self._by_key(keys.pop(), name) if len(keys) == 1 else None

    def _single(self, name: str, label: str, people: dict[str, Entry]) -> Entry | None:
        """One name to a known entity, or ``None`` (steps 2 to 6 of the module's order)."""
        g = self.gazetteer
        words = name.split()
        if len(words) == 1 and norm(name) in people:
            return people[norm(name)]
        key = self.table.key(name)
        if key is not None and _fits(label, self.table.known[key].type):
            return self._by_key(key, name)
        entry = g.lookup(name)
        if entry is not None and not (label == "PERSON" and entry.type != "Person" and entry.wikidata is None):
            return entry
        if norm(name) in g.demonyms:  # "Russian" alone as an argument: the country ("Russian aggression")
            return g.demonyms[norm(name)]
        if len(words) > 1 and norm(words[-1]) in g.government_nouns:
            owner = self._owner(" ".join(words[:-1]), people)
            if owner is not None:
                return owner
        of_phrase = _OF_PHRASE.match(name)
        if of_phrase and norm(of_phrase.group(1)) in g.government_nouns:
            return g.country_of(of_phrase.group(2))
        stripped = self._strip(name)
        if stripped.name and stripped.name != name:
            inner = self._single(stripped.name, "PERSON" if stripped.roles else label, people)
            if inner is None and stripped.roles and all(w[:1].isupper() for w in stripped.name.split()):
                inner = self._literal(stripped.name, "PERSON")
            if inner is not None and inner.type == "Person" and not inner.country and stripped.qualifiers:
                country = g.country_of(stripped.qualifiers[-1])
                inner = replace(inner, country=country.key) if country else inner
            return inner
        if len(words) == 1 and label in ("PERSON", "GPE", "ORG", ""):  # the small model tags surnames as places
            return self._person_by_surname(name)
        return None

    def _names(self, text: str, label: str, people: dict[str, Entry], literal: bool = True) -> list[Entry]:
        """A name, or a coordination of names, to entries; ``literal`` allows a new entity."""
        name = clean(text)
        if not name:
            return []
        forced = self.overrides.get(norm(name))
        if forced == KEEP_APART:
            return [self._literal(name, label)]
        if forced:
            return [self._by_key(forced, name)]
        entry = self._single(name, label, people)
        if entry is None:
            parts = split_coordination(name)
            if len(parts) > 1:
                found = [self._single(part, label, people) for part in parts]
                if all(found):
                    return [f for f in found if f is not None]
            if not literal:
                return []
            entry = self._literal(name, label)
        return [entry]

    # -- agreements ----------------------------------------------------------------

    def _agreements(self, doc: Doc, facts: Sequence[Fact], context: ArticleContext) -> list[tuple[int, Entry, frozenset[str]]]:
        """Identify every agreement phrase of the article; "the agreement" takes the last one."""
        found: list[tuple[int, Entry, frozenset[str], frozenset[str]]] = []
        ruled_at = {i: e.text for e in entities(doc) if e.label_ == "AGREEMENT" for i in range(e.start, e.end)}
        for head in agreement_heads(doc, facts, self.gazetteer):
            text = phrase(head)
            agreement = identify(text, head.lemma_.lower(), parties_of(head, context, self.gazetteer), self.gazetteer, context.salient)
            ruled = ruled_at.get(head.i, "")
            named = self.gazetteer.agreements.get(norm(ruled))  # the entity ruler's span may outrun the parse
            if named is not None and (agreement is None or agreement.entry.key != named.key):
                agreement = identify(ruled, head.lemma_.lower(), (), self.gazetteer)
            if agreement is None:
                antecedent = _DEFINITE.match(text) and context.antecedents and context.antecedents.description(text, head.idx)
                if antecedent:  # "the agreement": the last one of its kind, already found
                    found.append((head.i, antecedent[0], frozenset(), frozenset()))
                continue
            party_keys = frozenset(agreement.parties)
            if not _generic(agreement.entry) and len(party_keys) > 1:
                self._specific.setdefault(party_keys, agreement.entry)
            found.append((head.i, agreement.entry, party_keys, agreement.heads))
            self.parties.setdefault(agreement.entry.key, agreement.parties)
            if context.antecedents is not None:
                context.antecedents.agreements.append((head.idx, agreement.entry, agreement.heads))
        resolved = []
        for index, entry, _, heads in found:
            if _generic(entry):
                entry = self._specific.get(frozenset(self.parties.get(entry.key, ())), None) or self._built_specific(entry)
            context.agreements[index] = entry
            resolved.append((doc[index].idx, entry, heads))
            self._remember(entry, None)
        return resolved

    def _built_specific(self, generic: Entry) -> Entry:
        """The one agreement of a known kind between the same parties in earlier builds, else ``generic``."""
        suffix = generic.key.removeprefix("agreement/agreement")
        keys = [k for k in self.table.agreements_ending.get(suffix, ()) if k != generic.key]
        return self._by_key(keys[0], generic.label) if len(keys) == 1 else generic

    def _agreement_mention(self, mention: Mention, doc: Doc | None, context: ArticleContext) -> list[Entry]:
        head = head_of(doc, mention.start, mention.end) if doc is not None else None
        alias = mention.text if mention.label == "AGREEMENT" else None
        if head is not None and head.i in context.agreements:
            return self._remembered(context.agreements[head.i], alias)
        text = clean(mention.text)
        named_part, *party_parts = re.split(r"\b(?:between|with|and|for|by|of)\b", text)
        parties = [p for part in party_parts for p in self._names(part, "", {}, literal=False)]
        # an approved amount of aid ("$61 billion in aid for Ukraine") is an aid package
        head_word = "package" if mention.label == "AMOUNT" else _head_word(named_part, self.gazetteer)
        agreement = identify(text, head_word, parties, self.gazetteer, context.salient)
        if agreement is not None:
            self.parties.setdefault(agreement.entry.key, agreement.parties)
            return self._remembered(agreement.entry, alias)
        if mention.label == "AGREEMENT" and re.search(r"\b[A-Z]", named_part):  # a proper name the data does not know
            return self._remembered(self._literal(text, "AGREEMENT"), None)
        return []

    # -- mentions and facts --------------------------------------------------------

    def _remember(self, entry: Entry, alias: str | None) -> None:
        self._unrecorded.add(entry.key)
        known = self._entries.get(entry.key)
        if known is None:
            prior = self.table.known.get(entry.key)  # the label an earlier build gave it stays
            if prior is not None and entry.key not in self.gazetteer.by_key:
                entry = replace(entry, label=prior.label)
            self._entries[entry.key] = entry
            self._rank[entry.key] = len(self._rank)
        elif entry.country and not known.country:
            self._entries[entry.key] = replace(known, country=entry.country)
        if alias and entry.type == "Person":
            alias = self._strip(alias).name or alias
        if alias and (entry.type != "Agreement" or re.search(r"\s|[A-Z$]", clean(alias))):  # not a bare "deal"
            self._aliases[entry.key].add(clean(alias))
            self._article_aliases[entry.key].add(clean(alias))

    def _remembered(self, entry: Entry, alias: str | None) -> list[Entry]:
        self._remember(entry, alias)
        return [entry]

    def _mention(self, mention: Mention, doc: Doc | None, context: ArticleContext, speaker: Entry | None = None) -> list[Entry]:
        word = _pronoun(mention)
        antecedents = context.antecedents
        if word in FIRST_PERSON:
            return self._speaker(word, speaker)
        if mention.label == "PRON" or word in PRONOUNS:
            return list(antecedents.pronoun(mention.text, mention.start)) if antecedents else []
        if mention.label == "DESC":
            found = list(antecedents.description(mention.text, mention.start)) if antecedents else []
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if doc is not None else None
            text = noun_phrase(span).text if span is not None and len(span) else mention.text
            if not found:  # a description that is a name ("the Government of Ukraine", "the Ukrainian side")
                found = self._names(text, "", context.people, literal=False)
            if not found and _head_word(text, self.gazetteer) in _agreement_heads(self.gazetteer):
                found = self._agreement_mention(mention, doc, context)
            return found
        if mention.label in ("AGREEMENT", "AMOUNT"):
            return self._agreement_mention(mention, doc, context)
        if mention.label in _NOT_ACTORS:
            return []
        found = context.spans.get((mention.start, mention.end)) or self._names(
            mention.text, mention.label if mention.label != "IMPLICIT" else "", context.people
        )
        for entry in found:
            self._remember(entry, mention.text if len(found) == 1 else None)
        return found

    def _giver(self, entry: Entry) -> Entry:
        """Who gives the aid an actor grants: a national institution's or leader's country.

        "Congress approved aid for Ukraine", "Kishida pledged $4.5 billion for Ukraine":
        the country gives.
        """
        if entry.type in ("Organization", "Person") and entry.country in self.gazetteer.by_key:
            return self.gazetteer.by_key[entry.country]
        return entry

    def _office(self, title: str, people: list[Entry]) -> list[Entry]:
        """The country whose office a bare title names, from what the gazetteer knows of the person.

        "Prime Minister Rishi Sunak": the title gives the role "prime minister", and the
        gazetteer's Rishi Sunak serves the United Kingdom in that role. A person the
        gazetteer does not know, or knows in another role, gives nothing.
        """
        words = tuple(norm(title).split())
        roles = next((t.roles for t in self.gazetteer.titles if t.words == words), frozenset(words[-1:]))
        return [
            self.gazetteer.by_key[person.country]
            for person in people
            if person.type == "Person" and person.roles & roles and person.country in self.gazetteer.by_key
        ]

    def _speaker(self, word: str, speaker: Entry | None) -> list[Entry]:
        """"I" is the quoted person; "we" and "our" are the country or body they speak for."""
        if speaker is None or FIRST_PERSON[word] == "Person" != speaker.type:
            return []
        if FIRST_PERSON[word] == "Person" or speaker.type != "Person":
            return [speaker]
        return [self.gazetteer.by_key[speaker.country]] if speaker.country in self.gazetteer.by_key else []

    def _entity(self, entry: Entry) -> Entity:
        known = self._entries.get(entry.key, entry)
        aliases = frozenset(self._article_aliases.get(known.key, set()) - {known.label})
        return Entity(key=known.key, label=known.label, type=known.type, aliases=aliases, wikidata=known.wikidata)

    def entity(self, mention: Mention) -> Entity:
        """The entity a name names, without its article (no coreference, no article surnames).

        A coordination ("Ukraine and Czechia") gives its first member; use :meth:`resolve`
        to get one fact per member.

        Raises:
            ResolveError: The mention is a pronoun or a definite description.
        """
        if mention.label in _ANAPHORS or _pronoun(mention):
            raise ResolveError(
                f"expected a name, got the {mention.label} {mention.text!r}, which only its article can resolve; "
                "use Resolver.resolve(article, doc, facts)"
            )
        found = self._mention(mention, None, ArticleContext())
        if not found:
            raise ResolveError(f"expected a name or an agreement, got {mention.text!r}, which names nothing; pass a name")
        return self._entity(found[0])

    def resolve(self, article: Article, doc: Doc, facts: Sequence[Fact]) -> list[ResolvedFact]:
        """Resolve the facts of one article: one fact per member of a plural side, none for what is unresolved."""
        self._article_aliases = defaultdict(set)  # an article's graph names an entity as that article does
        context = article_context(doc, facts, self.gazetteer, self._names)
        text = article.text  # the parsed text; doc.text is rebuilt from the tokens at each access
        for (start, end), entries in context.spans.items():
            self._remember(entries[0], text[start:end])
        agreements = self._agreements(doc, facts, context)
        if context.antecedents is not None:
            context.antecedents.agreements = agreements
        pending = []
        for fact in facts:
            attribution = self._mention(fact.attributed_to, doc, context) if fact.attributed_to else []
            speaker = attribution[0] if len(attribution) == 1 else None
            sides = [self._mention(fact.subject, doc, context, speaker)]
            if fact.predicate == "providesAidTo":
                sides[0] = [self._giver(entry) for entry in sides[0]]
            if fact.object.label == "OFFICE":
                sides.append(self._office(fact.object.text, sides[0]))
            else:
                sides.append(self._mention(fact.object, doc, context, speaker))
            missing = [m for m, side in zip((fact.subject, fact.object), sides, strict=True) if not side]
            if missing:
                self.unresolved[_reason(missing[0])] += 1
                continue
            for subject in sides[0]:
                for obj in sides[1]:
                    if subject.key == obj.key:
                        self.unresolved["self-reference"] += 1
                        continue
                    pending.append((fact, subject, obj, attribution[0] if len(attribution) == 1 else None))
        return [
            ResolvedFact(
                subject=self._entity(subject),
                predicate=fact.predicate,
                object=self._entity(obj),
                status=fact.status,
                evidence=fact.evidence,
                confidence=fact.confidence,
                date=fact.date,
                attributed_to=self._entity(attributed) if attributed else None,
                relation=fact.relation,
            )
            for fact, subject, obj, attributed in pending
        ]

    def save(self) -> None:
        """Persist the alias table at ``alias_table``, atomically; names of agreements are not kept."""
        self.record()
        self.table.save()

    def record(self) -> list[tuple[str, str, str, str]]:
        """Put what the resolver learned into its alias table (in memory; :meth:`save` writes it).

        Only the keys met since the last call are visited, in the order they were
        first met, so a build's cost per article does not grow with what it has read.

        Returns:
            The rows this call added to the table: (alias, key, class, label).
        """
        added = []
        for key in sorted(self._unrecorded, key=self._rank.__getitem__):
            entry = self._entries[key]
            names = [entry.label, *(sorted(self._aliases.get(key, ())) if entry.type != "Agreement" else ())]
            for alias in names:
                if self.table.add(alias, key, entry.type, entry.label):
                    known = self.table.known[key]
                    added.append((alias, key, known.type, known.label))
        self._unrecorded.clear()
        return added


def _fits(label: str, type_: str) -> bool:
    """Whether a key the table gave a name suits this mention's label.

    The table only repeats a decision the model's label allows, so a name the
    model tags PERSON here and GPE there resolves the same way whichever came
    first (and a rebuild gives the same graph).
    """
    if label == "PERSON":
        return type_ == "Person"
    if label in ("GPE", "ORG", "NORP", "LOC", "FAC"):
        return type_ != "Person"
    return True


def _generic(entry: Entry) -> bool:
    """Whether an agreement is only "an agreement" between its parties, of no known kind."""
    return entry.key.startswith("agreement/agreement-")


def _agreement_heads(gazetteer: Gazetteer) -> frozenset[str]:
    heads = {h for kind in gazetteer.agreement_kinds for h in kind.heads}
    return frozenset(heads | {h for entry in gazetteer.agreements.values() for h in entry.heads})


def _head_word(text: str, gazetteer: Gazetteer) -> str:
    """The word of a phrase that can head an agreement ("pledge" in "a pledge made"), else its last word."""
    heads = _agreement_heads(gazetteer)
    words = norm(text).split()
    return next((w for w in reversed(words) if w in heads), words[-1] if words else "")


def _pronoun(mention: Mention) -> str:
    """The pronoun a mention is, lower case, or "" ("US" is a country, "us" a pronoun)."""
    text = mention.text.strip()
    word = text.lower()
    if word in FIRST_PERSON or word in PRONOUNS:
        return word if mention.label == "PRON" or text != text.upper() or word == "i" else ""
    return ""


def _reason(mention: Mention) -> str:
    if mention.label == "PRON" or _pronoun(mention):
        return "pronoun"
    return {"DESC": "description", "AGREEMENT": "agreement"}.get(mention.label, "name")
